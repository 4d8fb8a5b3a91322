/** `units list [--under <kode>]`. */
import { listUnits, UnknownUnitError } from '../../units/list-units.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

export const unitsListOptions = { under: { type: 'string' } } as const;

export async function unitsListCommand(
  ctx: CliContext,
  values: { under?: string | undefined },
): Promise<void> {
  try {
    const units = await listUnits(ctx.prisma, values.under);
    for (const line of table([
      ['CODE', 'LEVEL', 'NAME'],
      ...units.map((u) => [u.code, u.level, u.name]),
    ])) {
      ctx.out(line);
    }
    ctx.out(`${units.length} unit(s)`);
  } catch (error) {
    if (error instanceof UnknownUnitError) throw new UsageError(error.message);
    throw error;
  }
}
