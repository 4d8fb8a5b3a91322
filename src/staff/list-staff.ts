/**
 * Staff and partner contacts for `/petugas` and `staff list`: who, in which
 * role and unit, whether still active, and when their chat was last heard
 * from. Names are returned as stored; every caller masks them.
 */
import type { Tx } from '../store/database.ts';
import type { StaffRole } from './roles.ts';

export interface StaffListing {
  id: string;
  role: StaffRole;
  displayName: string;
  unitCode: string;
  unitName: string;
  partnerCode: string | null;
  active: boolean;
  revokedAt: Date | null;
  /** the latest message from any of their chats; null if never */
  lastSeenAt: Date | null;
}

export interface StaffFilter {
  /** only staff of these units; null: every unit */
  unitIds: readonly string[] | null;
  role?: StaffRole | undefined;
  /** at most this many, active first */
  take?: number;
}

export async function listStaff(
  tx: Tx,
  filter: StaffFilter,
): Promise<{ total: number; staff: StaffListing[] }> {
  const where = {
    ...(filter.unitIds ? { unitId: { in: [...filter.unitIds] } } : {}),
    ...(filter.role ? { role: filter.role } : {}),
  };
  const [total, rows] = await Promise.all([
    tx.staff.count({ where }),
    tx.staff.findMany({
      where,
      // active (true) before revoked on both databases: booleans sort as 0/1 and false/true alike
      orderBy: [
        { active: 'desc' },
        { unit: { code: 'asc' } },
        { role: 'asc' },
        { createdAt: 'asc' },
      ],
      ...(filter.take ? { take: filter.take } : {}),
      select: {
        id: true,
        role: true,
        displayName: true,
        active: true,
        revokedAt: true,
        unit: { select: { code: true, name: true } },
        partner: { select: { code: true } },
        identities: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: 'desc' }, take: 1 },
      },
    }),
  ]);
  return {
    total,
    staff: rows.map((row) => ({
      id: row.id,
      role: row.role as StaffRole,
      displayName: row.displayName,
      unitCode: row.unit?.code ?? '-',
      unitName: row.unit?.name ?? '-',
      partnerCode: row.partner?.code ?? null,
      active: row.active,
      revokedAt: row.revokedAt,
      lastSeenAt: row.identities[0]?.lastSeenAt ?? null,
    })),
  };
}
