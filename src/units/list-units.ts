/** The unit tree as admins see it in `units list`. */
import type { Db } from '../store/database.ts';

export interface UnitListing {
  code: string;
  level: string;
  name: string;
}

export class UnknownUnitError extends Error {
  override name = 'UnknownUnitError';
}

/** Units at and below `under` (a unit code), or all of them, in code order. */
export async function listUnits(prisma: Db, under?: string): Promise<UnitListing[]> {
  if (under !== undefined) {
    const root = await prisma.unit.findUnique({ where: { code: under }, select: { code: true } });
    if (!root) throw new UnknownUnitError(`unknown unit "${under}"`);
  }
  return prisma.unit.findMany({
    where:
      under === undefined ? {} : { OR: [{ code: under }, { code: { startsWith: `${under}.` } }] },
    select: { code: true, level: true, name: true },
    orderBy: { code: 'asc' },
  });
}
