/** Staff roles (DESIGN.md "Roles"); a citizen is anyone without one. */
export const STAFF_ROLES = ['petugas', 'koordinator', 'mitra', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
