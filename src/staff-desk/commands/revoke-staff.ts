/**
 * /cabut ID alasan: an admin, or a koordinator within staff-reach.ts's rule,
 * ends a staff member's or partner contact's access (never their own). What
 * revoking does is revokeStaff's; the reason goes to the person revoked, and
 * the application log keeps who revoked whom by id, without the reason or
 * any name (personal data).
 */
import { z } from 'zod';
import { t } from '../../i18n/translate.ts';
import { findStaffById } from '../../staff/find-staff.ts';
import { revokeStaff } from '../../staff/revoke-staff.ts';
import { shortStaffId, typedStaffId } from '../../staff/staff-short-id.ts';
import { command } from '../command.ts';
import { MAX_COMMAND_TEXT } from '../command-args.ts';
import { staffReach } from '../staff-reach.ts';

const idAndReason = z.string().transform((args, ctx) => {
  const [first = '', ...rest] = args.split(/\s+/);
  const id = typedStaffId(first);
  const reason = rest.join(' ').trim();
  if (!id || reason === '') {
    ctx.addIssue({ code: 'custom', message: 'staff id and reason' });
    return z.NEVER;
  }
  return { id, reason: reason.slice(0, MAX_COMMAND_TEXT) };
});

export const revokeStaffCommand = command({
  name: 'cabut',
  roles: ['koordinator', 'admin'],
  usage: 'staff.usage.cabut',
  args: idAndReason,
  async run(ctx, { id, reason }) {
    const { actor } = ctx;
    const reach = await staffReach(ctx.tx, actor);
    const lookup = await findStaffById(ctx.tx, id, reach.unitIds);
    if (!lookup.found) {
      ctx.reply(lookup.reason === 'ambiguous' ? 'staffAdmin.ambiguous' : 'staffAdmin.notFound', {
        id,
      });
      return;
    }
    const target = lookup.staff;
    const shown = {
      id: shortStaffId(target.id),
      role: t(actor.locale, `staff.role.${target.role}`),
      unit: target.unitName,
    };
    if (target.id === actor.staffId) {
      ctx.reply('staffAdmin.revoke.self');
      return;
    }
    if (!reach.mayManage(target.role, target.unitId)) {
      ctx.reply('staffAdmin.revoke.notYours', shown);
      return;
    }
    const result = await revokeStaff(ctx.tx, ctx.cipher, {
      staffId: target.id,
      revokedById: actor.staffId,
      revokedBy: { role: actor.role, unitName: actor.unitName },
      reason,
      causeKey: ctx.causeKey,
      now: ctx.now,
    });
    if (!result.ok) {
      ctx.reply('staffAdmin.revoke.already', shown);
      return;
    }
    const locale = actor.locale;
    ctx.reply('staffAdmin.revoke.ok', {
      ...shown,
      held: result.openTicketsHeld
        ? t(locale, 'staffAdmin.revoke.held', { count: result.openTicketsHeld })
        : '',
      invites: result.invitesVoided
        ? t(locale, 'staffAdmin.revoke.invites', { count: result.invitesVoided })
        : '',
    });
    ctx.logger.info(
      {
        staffId: target.id,
        role: target.role,
        unitCode: target.unitCode,
        byStaffId: actor.staffId,
      },
      'staff access revoked from chat',
    );
  },
});
