/**
 * /petugas [UNIT]: the staff and partner contacts an admin (everyone) or a
 * koordinator (their subtree) manages, optionally below one unit: the short id
 * /cabut takes, role, unit, the name masked (it is personal data and the list
 * may be read in a group), active or revoked, and when they were last heard
 * from. Never a phone number.
 */
import { z } from 'zod';
import { maskName } from '../../core/mask-personal-data.ts';
import { formatLongDate } from '../../i18n/format-date.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import { listStaff, type StaffListing } from '../../staff/list-staff.ts';
import { shortStaffId } from '../../staff/staff-short-id.ts';
import { command } from '../command.ts';
import { staffReach } from '../staff-reach.ts';
import { unitSubtree } from '../ticket-access.ts';

/** What fits one chat message on a small screen. */
export const STAFF_PAGE = 30;

const unitFilter = z
  .string()
  .transform((args) => ({ unitCode: args.split(/\s+/).find(Boolean) ?? null }));

export const listStaffCommand = command({
  name: 'petugas',
  roles: ['koordinator', 'admin'],
  usage: 'staff.usage.petugas',
  args: unitFilter,
  async run(ctx, { unitCode }) {
    const locale = ctx.actor.locale;
    const reach = await staffReach(ctx.tx, ctx.actor);
    let unitIds = reach.unitIds;
    let filter = '';
    if (unitCode) {
      const unit = await ctx.tx.unit.findUnique({
        where: { code: unitCode },
        select: { id: true, name: true },
      });
      if (!unit) {
        ctx.reply('staffAdmin.unknownUnit', { unit: unitCode });
        return;
      }
      if (!reach.covers(unit.id)) {
        ctx.reply('staffAdmin.outOfScope', { unit: unit.name, own: ctx.actor.unitName });
        return;
      }
      unitIds = await unitSubtree(ctx.tx, unit.id);
      filter = t(locale, 'staffAdmin.list.filter', { unit: unit.name });
    }
    const { total, staff } = await listStaff(ctx.tx, { unitIds, take: STAFF_PAGE });
    if (total === 0) {
      ctx.reply('staffAdmin.list.empty', { filter });
      return;
    }
    const lines = [t(locale, 'staffAdmin.list.header', { filter, count: total })];
    for (const member of staff) lines.push(line(locale, member));
    if (total > staff.length) {
      lines.push(t(locale, 'staffAdmin.list.more', { count: total - staff.length }));
    }
    lines.push(t(locale, 'staffAdmin.list.footer'));
    ctx.replyText(lines.join('\n'));
  },
});

function line(locale: Locale, member: StaffListing): string {
  return t(locale, 'staffAdmin.list.line', {
    id: shortStaffId(member.id),
    role: t(locale, `staff.role.${member.role}`),
    unit: member.unitName,
    partner: member.partnerCode
      ? t(locale, 'staffAdmin.list.partner', { partner: member.partnerCode })
      : '',
    name: maskName(member.displayName),
    state: state(locale, member),
  });
}

function state(locale: Locale, member: StaffListing): string {
  if (member.revokedAt) {
    return t(locale, 'staffAdmin.list.revoked', { date: formatLongDate(locale, member.revokedAt) });
  }
  if (!member.active) return t(locale, 'staffAdmin.list.inactive');
  return member.lastSeenAt
    ? t(locale, 'staffAdmin.list.lastSeen', { date: formatLongDate(locale, member.lastSeenAt) })
    : t(locale, 'staffAdmin.list.active');
}
