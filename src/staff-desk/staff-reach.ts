/**
 * Whom an admin or koordinator may invite and revoke. An admin reaches every
 * unit and role. A koordinator reaches the units below theirs and never
 * creates or removes someone with equal or greater reach: petugas and partner
 * contacts anywhere in their subtree, koordinators only of units strictly
 * below their own, admins never. A colleague koordinator of the same unit is
 * the business of the unit above or an admin.
 */
import type { StaffRole } from '../staff/roles.ts';
import type { Tx } from '../store/database.ts';
import type { Actor } from './actor.ts';
import { unitSubtree } from './ticket-access.ts';

export interface StaffReach {
  /** the units whose staff this actor sees; null: every unit */
  unitIds: readonly string[] | null;
  /** whether this actor may grant or remove `role` at `unitId` (a unit already in reach) */
  mayManage(role: StaffRole, unitId: string | null): boolean;
  /** whether `unitId` is in reach */
  covers(unitId: string | null): boolean;
}

export async function staffReach(tx: Tx, actor: Actor): Promise<StaffReach> {
  if (actor.role === 'admin') {
    return { unitIds: null, mayManage: () => true, covers: () => true };
  }
  const units = actor.role === 'koordinator' ? await unitSubtree(tx, actor.unitId) : [];
  const inReach = new Set(units);
  return {
    unitIds: units,
    covers: (unitId) => unitId !== null && inReach.has(unitId),
    mayManage(role, unitId) {
      if (unitId === null || !inReach.has(unitId) || role === 'admin') return false;
      return role !== 'koordinator' || unitId !== actor.unitId;
    },
  };
}
