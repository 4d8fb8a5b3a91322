/**
 * Finds the one staff member a typed id (short or full) names, among the
 * units given (null: everywhere). Two matches are reported, not guessed.
 */
import type { Tx } from '../store/database.ts';
import type { StaffRole } from './roles.ts';

export interface FoundStaff {
  id: string;
  role: StaffRole;
  displayName: string;
  active: boolean;
  unitId: string | null;
  unitName: string;
  unitCode: string;
}

export type StaffLookup =
  | { found: true; staff: FoundStaff }
  | { found: false; reason: 'none' | 'ambiguous' };

export async function findStaffById(
  tx: Tx,
  typedId: string,
  unitIds: readonly string[] | null,
): Promise<StaffLookup> {
  const rows = await tx.staff.findMany({
    where: {
      id: { endsWith: typedId },
      ...(unitIds ? { unitId: { in: [...unitIds] } } : {}),
    },
    select: {
      id: true,
      role: true,
      displayName: true,
      active: true,
      unitId: true,
      unit: { select: { name: true, code: true } },
    },
    take: 2,
  });
  const [row] = rows;
  if (!row) return { found: false, reason: 'none' };
  if (rows.length > 1) return { found: false, reason: 'ambiguous' };
  return {
    found: true,
    staff: {
      id: row.id,
      role: row.role as StaffRole,
      displayName: row.displayName,
      active: row.active,
      unitId: row.unitId,
      unitName: row.unit?.name ?? '-',
      unitCode: row.unit?.code ?? '-',
    },
  };
}
