/**
 * `staff list [--unit KODE] [--role r]` and `staff revoke <id> [--reason …]`:
 * the operator's view of who has a role, and the way to end one. Names are
 * masked here too (personal data on a terminal that may be shared or logged);
 * the id column is what `staff revoke` and the chat's /cabut take.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { maskName } from '../../core/mask-personal-data.ts';
import { findStaffById } from '../../staff/find-staff.ts';
import { listStaff } from '../../staff/list-staff.ts';
import { revokeStaff } from '../../staff/revoke-staff.ts';
import { STAFF_ROLES } from '../../staff/roles.ts';
import { shortStaffId, typedStaffId } from '../../staff/staff-short-id.ts';
import { unitSubtree } from '../../staff-desk/ticket-access.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

const listSchema = z.object({
  unit: z.string().min(1).optional(),
  role: z
    .enum(STAFF_ROLES, {
      error: (issue) =>
        `--role "${String(issue.input)}" is not a role; use one of ${STAFF_ROLES.join(', ')}`,
    })
    .optional(),
});

function parse(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

/** "2026-11-27 09:00" in Asia/Jakarta */
function wib(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function staffListCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    unit: { type: 'string' },
    role: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('usage: staff list [--unit KODE] [--role r]');
  const parsed = listSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid arguments');
  let unitIds: string[] | null = null;
  if (parsed.data.unit) {
    const unit = await ctx.prisma.unit.findUnique({ where: { code: parsed.data.unit } });
    if (!unit) throw new UsageError(`unknown unit "${parsed.data.unit}": see \`units list\``);
    unitIds = await unitSubtree(ctx.prisma, unit.id);
  }
  const { staff } = await listStaff(ctx.prisma, { unitIds, role: parsed.data.role });
  const rows = staff.map((s) => [
    shortStaffId(s.id),
    s.role,
    s.unitCode,
    s.partnerCode ?? '-',
    maskName(s.displayName),
    s.revokedAt ? `revoked ${wib(s.revokedAt)}` : s.active ? 'active' : 'inactive',
    s.lastSeenAt ? wib(s.lastSeenAt) : '-',
  ]);
  const header = ['ID', 'ROLE', 'UNIT', 'PARTNER', 'NAME', 'STATE', 'LAST SEEN (WIB)'];
  for (const line of table([header, ...rows])) ctx.out(line);
  ctx.out(`${staff.length} staff member(s)`);
}

export async function staffRevokeCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { reason: { type: 'string' } });
  const id = positionals.length === 1 ? typedStaffId(positionals[0] ?? '') : null;
  if (!id) throw new UsageError('usage: staff revoke <id> [--reason "…"] (the ID of `staff list`)');
  const lookup = await findStaffById(ctx.prisma, id, null);
  if (!lookup.found) {
    throw new UsageError(
      lookup.reason === 'ambiguous'
        ? `"${id}" matches more than one staff member: type more of the id`
        : `no staff member "${id}": see \`staff list\``,
    );
  }
  const target = lookup.staff;
  const now = new Date();
  const result = await ctx.prisma.$transaction((tx) =>
    revokeStaff(tx, ctx.cipher, {
      staffId: target.id,
      revokedById: null,
      revokedBy: null,
      reason: (values.reason ?? '').trim(),
      causeKey: `cli:revoke:${target.id}`,
      now,
    }),
  );
  const who = `${shortStaffId(target.id)} (${target.role}, ${target.unitCode})`;
  if (!result.ok) throw new UsageError(`${who} is already inactive`);
  ctx.out(`revoked ${who}: their next command is refused.`);
  ctx.out(
    `told in ${result.chatsTold} chat(s); ${result.invitesVoided} unused invite(s) they made voided; ${result.openTicketsHeld} open ticket(s) still assigned to them.`,
  );
}
