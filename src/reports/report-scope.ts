/**
 * Which units' tickets a report counts: a petugas their own unit, a
 * koordinator their unit and every unit below it, an admin everything. A
 * partner (mitra) gets no report: their reach is single referrals, not units.
 */
import type { StaffRole } from '../staff/roles.ts';
import { unitSubtree } from '../staff-desk/ticket-access.ts';
import type { Db, Tx } from '../store/database.ts';

export interface ReportScope {
  unitIds: string[] | 'all';
}

/** The roles that may see reports. */
export const REPORT_ROLES = ['petugas', 'koordinator', 'admin'] as const satisfies StaffRole[];

/** The scope of a staff member's reports, or null for a role that gets none. */
export async function reportScopeFor(
  tx: Db | Tx,
  staff: { role: StaffRole; unitId: string },
): Promise<ReportScope | null> {
  switch (staff.role) {
    case 'petugas':
      return { unitIds: [staff.unitId] };
    case 'koordinator':
      return { unitIds: await unitSubtree(tx as Tx, staff.unitId) };
    case 'admin':
      return { unitIds: 'all' };
    default:
      return null;
  }
}
