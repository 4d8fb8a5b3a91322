/**
 * `audit --ticket CODE` and `audit --actor STAFF_ID`, with `--from/--to
 * YYYY-MM-DD` (Jakarta days, both included) and `--csv [--out file]`: the
 * audit trail of one ticket, or what one staff member did. Sealed messages
 * are never opened here. A CSV file is written 0600: it names staff and
 * tickets.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { auditCsv } from '../../audit/audit-csv.ts';
import { type AuditRow, formatWib, readAuditTrail } from '../../audit/audit-trail.ts';
import { TRACKING_CODE_PATTERN } from '../../core/tracking-code.ts';
import { ensurePrivateFileSync } from '../../security/private-files.ts';
import { findStaffById } from '../../staff/find-staff.ts';
import { STAFF_ROLES, type StaffRole } from '../../staff/roles.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

export const AUDIT_USAGE =
  'usage: audit --ticket <CODE> | --actor <staff id> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv [--out <file>]]';

export const auditOptions = {
  ticket: { type: 'string' },
  actor: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  csv: { type: 'boolean' },
  out: { type: 'string' },
} as const;

const WHOLE_CODE = new RegExp(`^${TRACKING_CODE_PATTERN.source}$`);

const day = (flag: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${flag} must be a date like 2026-11-27`)
    .refine(
      (v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${flag} is not a calendar date`,
    )
    .optional();

const argsSchema = z
  .object({
    ticket: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .pipe(z.string().regex(WHOLE_CODE, '--ticket must be a code like PB-7K4M2Q'))
      .optional(),
    actor: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]{6,32}$/, '--actor must be a staff id (6 to 32 letters and digits)')
      .optional(),
    from: day('--from'),
    to: day('--to'),
    csv: z.boolean().optional(),
    out: z.string().min(1).optional(),
  })
  .refine((a) => (a.ticket === undefined) !== (a.actor === undefined), {
    message: `give either --ticket or --actor; ${AUDIT_USAGE}`,
  })
  .refine((a) => !a.from || !a.to || a.from <= a.to, { message: '--from is after --to' })
  .refine((a) => !a.out || a.csv, { message: '--out writes a CSV file: add --csv' });

export async function auditCommand(ctx: CliContext, values: Record<string, unknown>) {
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? AUDIT_USAGE);
  const args = parsed.data;
  const period = { fromDay: args.from, toDay: args.to };
  let rows: AuditRow[];
  let subject: string;
  if (args.ticket) {
    const ticket = await ctx.prisma.ticket.findUnique({
      where: { code: args.ticket },
      select: { id: true, code: true, status: true, unit: { select: { name: true } } },
    });
    if (!ticket) throw new UsageError(`no ticket ${args.ticket}`);
    rows = await readAuditTrail(ctx.prisma, { ticketId: ticket.id, ...period });
    subject = `${ticket.code} · ${ticket.status} · ${ticket.unit.name}`;
  } else {
    const staff = await findStaff(ctx, args.actor ?? '');
    rows = await readAuditTrail(ctx.prisma, { actorId: staff.id, ...period });
    subject = `${staff.displayName} (${staff.role}, ${staff.unitName}) · ${staff.id}`;
  }
  if (args.csv) {
    writeCsv(ctx, auditCsv(rows), args.out);
    return;
  }
  ctx.out(subject);
  for (const line of table([
    ['TIME', 'TICKET', 'EVENT', 'ACTOR', 'STATUS', 'VISIBILITY', 'DETAIL'],
    ...rows.map((row) => [
      formatWib(row.at),
      row.ticketCode,
      row.type,
      actorLabel(row),
      statusLabel(row),
      row.visibility,
      row.detail,
    ]),
  ])) {
    ctx.out(line);
  }
  ctx.out(`${rows.length} event(s)`);
}

/** A full staff id, or the short one `staff list` and `/petugas` print (its last characters). */
async function findStaff(ctx: CliContext, typed: string) {
  const lookup = await findStaffById(ctx.prisma, typed, null);
  if (lookup.found) return lookup.staff;
  throw new UsageError(
    lookup.reason === 'ambiguous'
      ? `--actor ${typed} matches more than one staff member; type more of the id`
      : `no staff member with id ${typed}`,
  );
}

/** A staff member by name (their id if the record is gone); a resident or the system by kind only. */
function actorLabel(row: AuditRow): string {
  if (row.actorName) return `${row.actorKind} ${row.actorName}`;
  return STAFF_ROLES.includes(row.actorKind as StaffRole) && row.actorId
    ? `${row.actorKind} ${row.actorId}`
    : row.actorKind;
}

function statusLabel(row: AuditRow): string {
  if (!row.toStatus || row.fromStatus === row.toStatus) return '';
  return row.fromStatus ? `${row.fromStatus} → ${row.toStatus}` : `→ ${row.toStatus}`;
}

function writeCsv(ctx: CliContext, csv: string, file: string | undefined): void {
  if (!file) {
    // out() ends the line with \n: keeping the last \r makes stdout the exact CSV bytes.
    ctx.out(csv.slice(0, -1));
    return;
  }
  try {
    ensurePrivateFileSync(file);
    writeFileSync(file, csv, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${file} (${code})`);
  }
  ctx.out(`wrote ${csv.split('\r\n').length - 2} event(s) to ${file}`);
}
