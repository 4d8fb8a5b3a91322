/**
 * A desk for dashboard tests: the whole staff desk (harness, injected clock),
 * the dashboard routes on a real HTTP server on a free port, and the links
 * /dasbor sends pointing at that server. Residents file real help requests in
 * two kecamatan: Cileunyi (two, in Cileunyi Kulon) and Margaasih (one, in
 * Lagadar), all on 27 November 2026.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { dashboardRoutes } from '../../src/dashboard/dashboard-routes.ts';
import { createHttpServer, listen } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest, NAME, NEED, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import type { TestProvider } from '../support/test-database.ts';

export const CILEUNYI = '32.04.05';
export const MARGAASIH = '32.04.10';
export const LINK = /https?:\/\/\S+\/dasbor\/masuk\?t=[\w-]{43}/;

export interface DashboardDesk {
  h: DeskHarness;
  base: string;
  /** the residents' NIKs and the name they typed: none may ever reach the dashboard */
  personal: string[];
  close(): Promise<void>;
}

/** A health request typed by a resident of `kecamatan`/`desa`. */
async function fileIn(chat: InProcessChat, kecamatan: string, desa: string) {
  const who = newResident();
  const answers = ['halo', '1', '1', '1', 'kesehatan', NEED, NAME, who.nik, who.kk];
  for (const answer of [...answers, kecamatan, desa, 'selesai']) await chat.send(answer);
  const confirmed = await chat.send('1');
  if (!confirmed.some((m) => /P[BG]-/.test(m.text))) throw new Error('no ticket filed');
  return [who.nik, who.kk];
}

export async function startDashboardDesk(
  provider: TestProvider,
  options: { secureCookies?: boolean } = {},
): Promise<DashboardDesk> {
  let base = '';
  const h = await startDeskHarness(provider, {}, { publicUrl: () => base });
  const server: Server = createHttpServer({
    logger: createLogger('silent'),
    routes: dashboardRoutes({
      prisma: h.db.prisma,
      cipher: testCipher(),
      ref: h.ref,
      secureCookies: options.secureCookies ?? false,
      clock: () => h.clock.now,
    }),
  });
  await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = newResident();
  await fileHelpRequest(h.channel.chat('warga-1'), first);
  const personal = [NAME, first.nik, first.kk];
  for (const [key, kecamatan, desa] of [
    ['warga-2', 'cileunyi', 'cileunyi kulon'],
    ['warga-3', 'margaasih', 'lagadar'],
  ] as const) {
    personal.push(...(await fileIn(h.channel.chat(key), kecamatan, desa)));
  }
  return {
    h,
    base,
    personal,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await h.close();
    },
  };
}

/** Joins a staff member in their own chat and asks for a link; returns the link (or throws with the reply). */
export async function dashboardLink(
  h: DeskHarness,
  key: string,
  role: 'koordinator' | 'admin',
  unitCode: string,
): Promise<string> {
  const chat = await joinStaff(h, key, role, unitCode);
  const replies = await chat.send('/dasbor');
  const link = replies
    .map((m) => m.text)
    .join('\n')
    .match(LINK)?.[0];
  if (!link) throw new Error(`no dashboard link in: ${replies.map((m) => m.text).join(' | ')}`);
  return link;
}
