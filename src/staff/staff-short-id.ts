/**
 * The short form of a staff id shown by `/petugas` and `staff list`, typed
 * back to `/cabut` and `staff revoke`. Staff ids are cuids, whose last
 * characters are random: six of them tell a unit's staff apart, and a clash
 * is answered by asking for more characters, never by guessing.
 *
 * @example
 * shortStaffId('cmip3x1qk0001a8b2c3d4e5f6') // → 'd4e5f6'
 */
export const SHORT_ID_LENGTH = 6;

export function shortStaffId(id: string): string {
  return id.slice(-SHORT_ID_LENGTH);
}

/** What someone typed as a staff id, lower-cased, or null when it cannot be one. */
export function typedStaffId(typed: string): string | null {
  const id = typed.trim().toLowerCase();
  return new RegExp(`^[a-z0-9]{${SHORT_ID_LENGTH},32}$`).test(id) ? id : null;
}
