/**
 * /dasbor: a one-time login link (10 minutes) to the read-only report
 * dashboard the desk serves. The link is a credential, so it is only ever
 * sent to the staff member's own chat, never to a group or a shared screen.
 */
import { createDashboardLink, DASHBOARD_ROLES } from '../../dashboard/dashboard-access.ts';
import { command } from '../command.ts';
import { noArgs } from '../command-args.ts';

/** Where the browser spends the link (GET shows, POST spends; see dashboard-routes.ts). */
export const LOGIN_PATH = '/dasbor/masuk';

export const dashboardCommand = command({
  name: 'dasbor',
  roles: DASHBOARD_ROLES,
  usage: 'staff.usage.dasbor',
  args: noArgs,
  async run(ctx) {
    if (ctx.actor.audience !== 'owner') {
      ctx.reply('staff.dashboard.privateOnly');
      return;
    }
    const link = await createDashboardLink(ctx.tx, ctx.cipher, ctx.actor.staffId, ctx.now);
    const url = new URL(LOGIN_PATH, ctx.publicUrl());
    url.searchParams.set('t', link.token);
    ctx.reply('staff.dashboard.link', { url: url.href, until: jakartaTime(link.expiresAt) });
  },
});

/** "14.35 WIB": the hour the link stops working, as the staff member's clock shows it. */
function jakartaTime(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(11, 16).replace(':', '.')} WIB`;
}
