/**
 * `holidays list [YEAR]`, `holidays add YYYY-MM-DD "name" [--kind …]` and
 * `holidays remove YYYY-MM-DD`: the yearly cuti bersama update, local days
 * off, and corrections to the library's national holidays.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { jakartaDay } from '../../core/working-days.ts';
import { holidayCalendar } from '../../holidays/holiday-calendar.ts';
import {
  addHoliday,
  DAY_OFF_KINDS,
  holidayDate,
  holidayInput,
  listHolidays,
  REMOVED_KIND,
  removeHoliday,
} from '../../holidays/holiday-records.ts';
import { HOLIDAY_REFRESH_MS } from '../../runtime/reference-data.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

const REACHES_DESK = `a running desk uses it within ${HOLIDAY_REFRESH_MS / 60_000} minutes`;
const WEEKDAYS = ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'];

function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(`${issue?.path.join('.') || 'argument'}: ${issue?.message}`);
}

function positionals(args: string[], usage: string, withKind = false) {
  try {
    return parseArgs({
      args,
      options: withKind ? { kind: { type: 'string' } } : {},
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
}

export async function holidaysListCommand(ctx: CliContext, args: string[]): Promise<void> {
  const usage = 'usage: holidays list [YEAR]';
  const { positionals: rest } = positionals(args, usage);
  if (rest.length > 1) throw new UsageError(usage);
  const year = parse(
    z
      .string()
      .regex(/^\d{4}$/, 'YEAR must be four digits, e.g. 2027')
      .transform(Number),
    rest[0] ?? jakartaDay(new Date()).slice(0, 4),
  );
  const rows = await listHolidays(ctx.prisma, year);
  const days = rows.filter((d) => d.kind !== REMOVED_KIND);
  const removed = rows.filter((d) => d.kind === REMOVED_KIND).map((d) => d.date);
  for (const line of table([
    ['DATE', 'DAY', 'KIND', 'NAME'],
    ...days.map((d) => [d.date, weekday(d.date), d.kind, d.name]),
  ])) {
    ctx.out(line);
  }
  ctx.out(`${days.length} day(s) off in ${year}`);
  if (!days.some((d) => d.kind === 'cuti_bersama')) {
    ctx.out(
      `no cuti bersama in ${year}: add the joint decree's days with holidays add, or SLA clocks count them as working days`,
    );
  }
  if (removed.length > 0) {
    ctx.out(`removed by an admin, working days: ${removed.join(', ')} (holidays add restores one)`);
  }
}

export async function holidaysAddCommand(ctx: CliContext, args: string[]): Promise<void> {
  const usage = `usage: holidays add YYYY-MM-DD "name" [--kind ${DAY_OFF_KINDS.join('|')}]`;
  const { positionals: rest, values } = positionals(args, usage, true);
  if (rest.length !== 2) throw new UsageError(usage);
  const input = parse(holidayInput, {
    date: rest[0],
    name: rest[1],
    kind: values.kind ?? 'cuti_bersama',
  });
  const before = await addHoliday(ctx.prisma, input);
  const was = before && before.kind !== 'dihapus' ? ` (was ${before.kind} "${before.name}")` : '';
  ctx.out(`added ${input.date} ${weekday(input.date)} ${input.kind} "${input.name}"${was}`);
  ctx.out(`not a working day from now on; ${REACHES_DESK}`);
}

export async function holidaysRemoveCommand(ctx: CliContext, args: string[]): Promise<void> {
  const usage = 'usage: holidays remove YYYY-MM-DD';
  const { positionals: rest } = positionals(args, usage);
  if (rest.length !== 1) throw new UsageError(usage);
  const date = parse(holidayDate, rest[0]);
  const calendarDay = holidayCalendar(Number(date.slice(0, 4))).find((d) => d.date === date);
  const removed = await removeHoliday(ctx.prisma, date, calendarDay);
  if (!removed) throw new UsageError(`${date} is not a holiday`);
  ctx.out(`removed ${date} ${removed.kind} "${removed.name}"`);
  ctx.out(`a working day from now on (the seed will not add it back); ${REACHES_DESK}`);
}
