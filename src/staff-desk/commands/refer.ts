/**
 * /rujuk KODE [MITRA] [catatan]: refers the ticket to a partner. Without a
 * partner code it lists only the active partners offering the ticket's
 * service in its area (a partner covers the whole subtree below its area
 * codes); a complaint has no service, so no partner is listed for it and the
 * staff member is told so, with how to refer it to a partner they know.
 */
import { t } from '../../i18n/translate.ts';
import { sealText } from '../../security/sealed-text.ts';
import type { Tx } from '../../store/database.ts';
import { announceReferral } from '../announcements.ts';
import { type CommandContext, command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import type { WorkedTicket } from '../ticket-access.ts';
import { ticketLabels } from '../ticket-labels.ts';
import { moveAndRecord, replyTold, tellResident, ticketOrReply } from './shared.ts';

export const referCommand = command({
  name: 'rujuk',
  roles: STAFF,
  usage: 'staff.usage.rujuk',
  args: codeAndText(false),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const [partnerCode = '', ...noteWords] = text.split(/\s+/).filter(Boolean);
    if (partnerCode === '') {
      await listPartners(ctx, ticket);
      return;
    }
    const partner = await ctx.tx.partner.findFirst({
      where: { code: partnerCode.toLowerCase(), active: true },
      select: { id: true, name: true },
    });
    if (!partner) {
      ctx.reply('staff.refer.unknownPartner', { partnerCode, code });
      return;
    }
    const open = await ctx.tx.referral.findFirst({
      where: { ticketId: ticket.id, status: { in: ['TERKIRIM', 'DITERIMA'] } },
      select: { partner: { select: { name: true } } },
    });
    if (open) {
      ctx.reply('staff.refer.stillOpen', { code, partner: open.partner.name });
      return;
    }
    const note = noteWords.join(' ');
    const moved = await moveAndRecord(
      ctx,
      ticket,
      { type: 'refer' },
      { type: 'referral_sent', message: note, also: {} },
    );
    if (!moved) return;
    const referral = await ctx.tx.referral.create({
      data: {
        ticketId: ticket.id,
        partnerId: partner.id,
        note: sealText(ctx.cipher, note),
        createdById: ctx.actor.staffId,
        createdAt: ctx.now,
      },
      select: { id: true, partnerId: true },
    });
    await announceReferral(ctx.tx, ctx.cipher, ctx.ref, { ...referral, note }, ticket, ctx.now);
    const told = await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.referred', { code, partner: partner.name }),
    );
    replyTold(ctx, 'staff.refer.ok', { code, partner: partner.name }, ticket, told);
  },
});

/** The area codes a partner may cover for this ticket: the desa and every area above it. */
async function areaLine(tx: Tx, areaCode: string | null): Promise<string[]> {
  const codes: string[] = [];
  for (let code = areaCode; code; ) {
    codes.push(code);
    const area = await tx.area.findUnique({ where: { code }, select: { parentCode: true } });
    code = area?.parentCode ?? null;
  }
  return codes;
}

async function listPartners(ctx: CommandContext, ticket: WorkedTicket): Promise<void> {
  const { tx, ref } = ctx;
  const locale = ctx.actor.locale;
  const labels = ticketLabels(ref, locale, ticket);
  if (!ticket.serviceCode) {
    ctx.reply('staff.refer.noService', { code: ticket.code, about: labels.about });
    return;
  }
  const partners = await tx.partner.findMany({
    where: {
      active: true,
      areas: { some: { areaCode: { in: await areaLine(tx, ticket.areaCode) } } },
      services: { some: { serviceCode: ticket.serviceCode } },
    },
    orderBy: [{ isExample: 'asc' }, { name: 'asc' }],
    select: { code: true, name: true },
  });
  if (partners.length === 0) {
    ctx.reply('staff.refer.none', { about: labels.about, desa: labels.desa });
    return;
  }
  const list = partners
    .map((p) => t(locale, 'staff.refer.partnerLine', { partnerCode: p.code, partner: p.name }))
    .join('\n');
  ctx.reply('staff.refer.choose', {
    about: labels.about,
    desa: labels.desa,
    list,
    code: ticket.code,
  });
}
