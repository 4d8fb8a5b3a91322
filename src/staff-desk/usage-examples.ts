/**
 * The codes in /bantuan's examples, read from this desk at the time of asking:
 * a ticket the asker can open, a partner that exists (one offering that
 * ticket's service where there is one), a unit they may invite to and a staff
 * member they may revoke. A newcomer copies an example to try a command; a
 * made-up code would answer "not found" and teach them nothing. Where the desk
 * has nothing to show yet, the example keeps the code's format and /bantuan
 * says that it is only a format.
 */
import { type Locale, type Params, t } from '../i18n/translate.ts';
import { shortStaffId } from '../staff/staff-short-id.ts';
import type { Tx } from '../store/database.ts';
import type { Actor } from './actor.ts';
import type { StaffCommand } from './command.ts';
import { ticketScope, workedUnits } from './ticket-access.ts';

/** The shape of a tracking code, for a desk without a ticket the asker can open. */
export const EXAMPLE_TICKET_CODE = 'PB-XXXXXX';

export interface UsageExamples {
  /** placeholders of the usage lines: {code}, {partner}, {unit}, {ownUnit}, {staffId} */
  params: Params;
  /** false when {code} is only the format of a code */
  realTicket: boolean;
}

export async function usageExamples(tx: Tx, actor: Actor, now: Date): Promise<UsageExamples> {
  const ticket = await tx.ticket.findFirst({
    where: await ticketScope(tx, actor, now),
    // The code breaks a tie, so the same desk shows the same example.
    orderBy: [{ createdAt: 'desc' }, { code: 'asc' }],
    select: { code: true, serviceCode: true },
  });
  // One after the other: they share the command's one connection. A koordinator's
  // or admin's units are walked once for both /undang's and /cabut's examples.
  const partner = await examplePartner(tx, actor, ticket?.serviceCode ?? null);
  const invites = actor.role === 'koordinator' || actor.role === 'admin';
  const units = invites ? await workedUnits(tx, actor) : [];
  const unit = invites ? await inviteUnit(tx, units) : null;
  const ownUnit = await tx.unit.findUnique({ where: { id: actor.unitId }, select: { code: true } });
  const staffId = invites ? await revocableStaffId(tx, actor, units) : null;
  return {
    params: {
      code: ticket?.code ?? EXAMPLE_TICKET_CODE,
      partner: partner ?? t(actor.locale, 'staff.help.partnerWord'),
      unit: unit ?? ownUnit?.code ?? '',
      ownUnit: ownUnit?.code ?? '',
      staffId: staffId ?? 'ID',
    },
    realTicket: ticket !== null,
  };
}

/** The /bantuan line of a command for this role (a partner's /tolak declines a referral). */
export function usageLine(
  locale: Locale,
  command: StaffCommand<never>,
  role: Actor['role'],
  params: Params,
): string {
  const key =
    command.name === 'tolak' && role === 'mitra' ? 'staff.usage.tolakRujukan' : command.usage;
  return t(locale, key, params);
}

/** The actor's own partner; else an active one offering the example ticket's service. */
async function examplePartner(
  tx: Tx,
  actor: Actor,
  serviceCode: string | null,
): Promise<string | null> {
  if (actor.partner) return actor.partner.code;
  const partner = await tx.partner.findFirst({
    where: {
      active: true,
      ...(serviceCode ? { services: { some: { serviceCode } } } : {}),
    },
    orderBy: [{ isExample: 'asc' }, { code: 'asc' }],
    select: { code: true },
  });
  return partner?.code ?? null;
}

/** A desa or kelurahan unit, of the asker's `units`, to invite a petugas to: /undang's example. */
async function inviteUnit(tx: Tx, units: readonly string[]): Promise<string | null> {
  const unit = await tx.unit.findFirst({
    where: {
      id: { in: [...units] },
      active: true,
      level: { in: ['desa', 'kelurahan'] },
    },
    orderBy: { code: 'asc' },
    select: { code: true },
  });
  return unit?.code ?? null;
}

/** Someone else the asker could revoke (a petugas or partner contact in reach): /cabut's example. */
async function revocableStaffId(
  tx: Tx,
  actor: Actor,
  units: readonly string[],
): Promise<string | null> {
  const staff = await tx.staff.findFirst({
    where: {
      id: { not: actor.staffId },
      active: true,
      revokedAt: null,
      role: { in: ['petugas', 'mitra'] },
      ...(actor.role === 'admin' ? {} : { unitId: { in: [...units] } }),
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return staff ? shortStaffId(staff.id) : null;
}
