/**
 * `outbox failed [--limit N]` lists the messages the desk gave up on (masked
 * chat, error class, age; never the text) and `outbox retry <id…>|--all`
 * puts them back in the queue: a running desk sends them within a second.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  countFailedOutbox,
  listFailedOutbox,
  retryFailedOutbox,
} from '../../channels/failed-outbox.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

export const OUTBOX_FAILED_USAGE = 'usage: outbox failed [--limit <n>]';
export const OUTBOX_RETRY_USAGE = 'usage: outbox retry <id> [<id> …] | --all';

function parse(
  args: string[],
  usage: string,
  options: Record<string, { type: 'string' | 'boolean' }>,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
}

const limitSchema = z.coerce
  .number({ message: '--limit must be a number' })
  .int('--limit must be a whole number')
  .min(1, '--limit must be at least 1')
  .max(10_000, '--limit must be at most 10000');

const idSchema = z
  .string()
  .regex(/^\d{1,12}$/, 'an outbox id is a number, as printed by outbox failed')
  .transform(Number);

/** "45 s", "12 min", "3 h", "2 d" */
export function ageLabel(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

export async function outboxFailedCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parse(args, OUTBOX_FAILED_USAGE, { limit: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(OUTBOX_FAILED_USAGE);
  const checked = limitSchema.safeParse(values.limit ?? 100);
  if (!checked.success)
    throw new UsageError(checked.error.issues[0]?.message ?? OUTBOX_FAILED_USAGE);
  const now = new Date();
  const rows = await listFailedOutbox(ctx.prisma, checked.data);
  for (const line of table([
    ['ID', 'CHANNEL', 'CHAT', 'ATTEMPTS', 'ERROR', 'AGE'],
    ...rows.map((r) => [
      String(r.id),
      r.channel,
      r.chat,
      String(r.attempts),
      r.errorClass,
      ageLabel(now.getTime() - r.createdAt.getTime()),
    ]),
  ])) {
    ctx.out(line);
  }
  const total = await countFailedOutbox(ctx.prisma);
  ctx.out(
    total > rows.length
      ? `${rows.length} of ${total} failed message(s); --limit shows more`
      : `${total} failed message(s)`,
  );
}

export async function outboxRetryCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parse(args, OUTBOX_RETRY_USAGE, { all: { type: 'boolean' } });
  const typedIds = positionals.length > 0;
  if (Boolean(values.all) === typedIds) throw new UsageError(OUTBOX_RETRY_USAGE);
  const ids: number[] = [];
  for (const typed of positionals) {
    const id = idSchema.safeParse(typed);
    if (!id.success) throw new UsageError(`"${typed}": ${id.error.issues[0]?.message}`);
    ids.push(id.data);
  }
  const retried = await retryFailedOutbox(ctx.prisma, values.all ? 'all' : { ids }, new Date());
  const missing = ids.filter((id) => !retried.includes(id));
  if (missing.length > 0 && retried.length === 0) {
    throw new UsageError(`no failed message with id ${missing.join(', ')}`);
  }
  ctx.out(
    `${retried.length} message(s) back in the queue; a running desk sends them within seconds`,
  );
  if (missing.length > 0) ctx.out(`not failed, left alone: ${missing.join(', ')}`);
}
