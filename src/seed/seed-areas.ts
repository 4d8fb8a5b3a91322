/**
 * Loads the region's area tree and gives every desa/kelurahan a Puskesos and
 * every kecamatan and the kabupaten an SLRT office. Adds only what is missing
 * and renames what Kemendagri renamed, so it can run on every start.
 */
import { type AreaLevel, parentCode, villageKind, type WilayahRow } from '../areas/wilayah.ts';
import type { Tx } from '../store/database.ts';

export type UnitLevel = 'desa' | 'kelurahan' | 'kecamatan' | 'kabupaten' | 'kota';

export function unitFor(area: WilayahRow): { level: UnitLevel; name: string } {
  switch (area.level) {
    case 'desa_kelurahan': {
      const kind = villageKind(area.code);
      return {
        level: kind,
        name: `Puskesos ${kind === 'desa' ? 'Desa' : 'Kelurahan'} ${area.name}`,
      };
    }
    case 'kecamatan':
      return { level: 'kecamatan', name: `SLRT Kecamatan ${area.name}` };
    case 'kabupaten_kota':
      return {
        level: area.name.startsWith('Kota') ? 'kota' : 'kabupaten',
        name: `SLRT ${area.name}`,
      };
    default:
      throw new Error(`no unit is seeded for level ${area.level satisfies AreaLevel}`);
  }
}

export interface AreaSeedResult {
  areasCreated: number;
  unitsCreated: number;
}

export async function seedAreas(tx: Tx, subtree: WilayahRow[]): Promise<AreaSeedResult> {
  const root = subtree[0];
  if (!root) throw new Error('empty region');
  const existingAreas = new Map(
    (await tx.area.findMany({ select: { code: true, name: true } })).map((a) => [a.code, a.name]),
  );
  const newAreas = subtree.filter((a) => !existingAreas.has(a.code));
  if (newAreas.length > 0) {
    await tx.area.createMany({
      data: newAreas.map((a) => ({
        code: a.code,
        name: a.name,
        level: a.level,
        parentCode: a.code === root.code ? null : parentCode(a.code),
      })),
    });
  }
  for (const area of subtree) {
    const known = existingAreas.get(area.code);
    if (known !== undefined && known !== area.name) {
      await tx.area.update({ where: { code: area.code }, data: { name: area.name } });
    }
  }

  const unitIds = new Map(
    (await tx.unit.findMany({ select: { code: true, id: true } })).map((u) => [u.code, u.id]),
  );
  let unitsCreated = 0;
  // Parents come first in the subtree, so each unit's parent id is already known.
  for (const area of subtree) {
    if (unitIds.has(area.code)) continue;
    const parent = area.code === root.code ? undefined : unitIds.get(parentCode(area.code) ?? '');
    const unit = await tx.unit.create({
      data: { code: area.code, areaCode: area.code, parentId: parent ?? null, ...unitFor(area) },
      select: { id: true },
    });
    unitIds.set(area.code, unit.id);
    unitsCreated++;
  }
  return { areasCreated: newAreas.length, unitsCreated };
}
