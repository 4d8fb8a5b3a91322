/**
 * /undang PERAN UNIT [MITRA]: an admin or koordinator creates a one-time
 * invite from chat, the same invite `npm run slrt -- invite` makes. Whom a
 * koordinator may invite is staff-reach.ts's rule. The code is a credential,
 * so it is only ever shown in the asker's own private chat.
 */
import { z } from 'zod';
import { formatLongDate } from '../../i18n/format-date.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import {
  createInvite,
  type InviteRefusal,
  InviteRequestError,
  UNIT_LEVELS_FOR_ROLE,
} from '../../staff/create-invite.ts';
import { STAFF_ROLES, type StaffRole } from '../../staff/roles.ts';
import { type CommandContext, command } from '../command.ts';
import { staffReach } from '../staff-reach.ts';

const inviteArgs = z.string().transform((args, ctx) => {
  const [role = '', unitCode = '', partnerCode] = args.split(/\s+/).filter(Boolean);
  if (!unitCode) {
    ctx.addIssue({ code: 'custom', message: 'role and unit' });
    return z.NEVER;
  }
  return { role: role.toLowerCase(), unitCode, partnerCode };
});

export const inviteStaffCommand = command({
  name: 'undang',
  roles: ['koordinator', 'admin'],
  usage: 'staff.usage.undang',
  args: inviteArgs,
  async run(ctx, { role, unitCode, partnerCode }) {
    if (ctx.actor.audience !== 'owner') {
      ctx.reply('staffAdmin.privateOnly');
      return;
    }
    if (!(STAFF_ROLES as readonly string[]).includes(role)) {
      ctx.reply('staffAdmin.badRole', { role, roles: STAFF_ROLES.join(', ') });
      return;
    }
    const staffRole = role as StaffRole;
    const unit = await ctx.tx.unit.findUnique({
      where: { code: unitCode },
      select: { id: true, name: true, level: true, active: true },
    });
    if (!unit?.active) {
      ctx.reply('staffAdmin.unknownUnit', { unit: unitCode });
      return;
    }
    const reach = await staffReach(ctx.tx, ctx.actor);
    if (!reach.covers(unit.id)) {
      ctx.reply('staffAdmin.outOfScope', { unit: unit.name, own: ctx.actor.unitName });
      return;
    }
    if (!reach.mayManage(staffRole, unit.id)) {
      ctx.reply('staffAdmin.roleNotYours', {
        unit: ctx.actor.unitName,
        role: t(ctx.actor.locale, `staff.role.${staffRole}`),
        target: unit.name,
      });
      return;
    }
    try {
      const invite = await createInvite(ctx.tx, ctx.cipher, {
        role: staffRole,
        unitCode,
        partnerCode,
        ttlHours: ctx.inviteTtlHours,
        createdById: ctx.actor.staffId,
        now: ctx.now,
      });
      const locale = ctx.actor.locale;
      ctx.reply('staffAdmin.invite.ok', {
        role: t(locale, `staff.role.${staffRole}`),
        unit: invite.unitName,
        partner: invite.partnerName
          ? t(locale, 'staffAdmin.invite.partner', { partner: invite.partnerName })
          : '',
        code: invite.code,
        expires: dateTime(locale, invite.expiresAt),
      });
      ctx.logger.info(
        { byStaffId: ctx.actor.staffId, role: staffRole, unitCode },
        'invite created from chat',
      );
    } catch (error) {
      if (!(error instanceof InviteRequestError)) throw error;
      refuse(ctx, error.reason, { role: staffRole, unit, partnerCode });
    }
  },
});

function refuse(
  ctx: CommandContext,
  reason: InviteRefusal,
  request: { role: StaffRole; unit: { name: string; level: string }; partnerCode?: string },
): void {
  const role = t(ctx.actor.locale, `staff.role.${request.role}`);
  if (reason === 'wrongLevel') {
    ctx.reply('staffAdmin.wrongLevel', {
      role,
      levels: UNIT_LEVELS_FOR_ROLE[request.role].join('/'),
      unit: request.unit.name,
      level: request.unit.level,
    });
  } else if (reason === 'unknownPartner') {
    ctx.reply('staffAdmin.unknownPartner', { partner: request.partnerCode ?? '' });
  } else if (reason === 'partnerNotForRole') {
    ctx.reply('staffAdmin.partnerNotForRole', { role });
  } else if (reason === 'partnerMissing') {
    ctx.reply('staffAdmin.partnerMissing');
  } else {
    ctx.reply('staffAdmin.unknownUnit', { unit: request.unit.name });
  }
}

/** "Senin, 30 November 2026 pukul 09:00 WIB" */
function dateTime(locale: Locale, at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  const time = wib.toISOString().slice(11, 16);
  return t(locale, 'staffAdmin.dateTime', { date: formatLongDate(locale, at), time });
}
