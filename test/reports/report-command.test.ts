/**
 * /laporan through the whole desk: the text summary, the chart as a photo,
 * the CSV as a document on request; a mitra and a bad period get one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InProcessChannel,
  type InProcessChat,
} from '../../src/channels/in-process/in-process-channel.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe.each(PROVIDERS)('/laporan on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let admin: InProcessChat;
  let mitra: InProcessChat;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, 'lap-petugas', 'petugas', '32.04.05.2001');
    koordinator = await joinStaff(h, 'lap-koordinator', 'koordinator', '32.04.05');
    admin = await joinStaff(h, 'lap-admin', 'admin', '32.04');
    mitra = await joinStaff(h, 'lap-mitra', 'mitra', '32.04', 'contoh-baznas');
    await fileHelpRequest(h.channel.chat('lap-resident'));
    for (const chat of [petugas, koordinator, admin, mitra]) await chat.drain();
  }, 60_000);
  afterAll(() => h.close());

  async function fileOf(message: OutboundMessage | undefined) {
    const id = message?.attachment?.attachmentId;
    if (!id) throw new Error(`no attachment in ${JSON.stringify(message)}`);
    const row = await h.db.prisma.attachment.findUniqueOrThrow({ where: { id } });
    const file = await h.attachments.open(h.db.prisma, id);
    if (!file) throw new Error('attachment bytes missing');
    return { row, bytes: file.bytes };
  }

  it("answers a petugas with this month's text and the chart as a photo", async () => {
    const replies = await petugas.send('/laporan');
    expect(replies).toHaveLength(2);
    const [text, photo] = replies;
    const lines = text?.text.split('\n') ?? [];
    expect(lines[0]).toBe(
      say('report.title', {
        scope: say('report.scope.unit', { unit: 'Puskesos Desa Cileunyi Kulon' }),
        period: '2026-11-01..2026-11-27',
      }),
    );
    expect(lines).toContain(say('report.tickets', { opened: 1, closed: 0 }));
    expect(text?.attachment).toBeUndefined();
    expect(photo?.text).toBe(say('report.chart.caption', { period: '2026-11-01..2026-11-27' }));
    const { row, bytes } = await fileOf(photo);
    expect(row).toMatchObject({
      kind: 'photo',
      mimeType: 'image/png',
      ticketId: null,
      identityId: null,
    });
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('adds the CSV as a document when asked, for a koordinator over their kecamatan', async () => {
    const replies = await koordinator.send('/laporan bulan ini csv');
    expect(replies.map((r) => Boolean(r.attachment))).toEqual([false, true, true]);
    expect(replies[0]?.text.split('\n')).toContain(say('report.tickets', { opened: 1, closed: 0 }));
    expect(replies[2]?.text).toBe(say('report.csv.caption', { period: '2026-11-01..2026-11-27' }));
    const { row, bytes } = await fileOf(replies[2]);
    expect(row).toMatchObject({ kind: 'document', mimeType: 'text/csv', ticketId: null });
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFperiod,section,code,name,metric,value\r\n')).toBe(true);
    expect(csv).toContain('\r\n2026-11-01..2026-11-27,summary,,,opened,1\r\n');
  });

  it('counts the period asked for: an admin sees nothing filed in October', async () => {
    const replies = await admin.send('/laporan 2026-10');
    expect(replies[0]?.text.split('\n')[0]).toBe(
      say('report.title', { scope: say('report.scope.all'), period: '2026-10' }),
    );
    expect(replies[0]?.text.split('\n')).toContain(say('report.tickets', { opened: 0, closed: 0 }));
  });

  it('refuses a mitra in one line', async () => {
    expect((await mitra.send('/laporan')).map((r) => r.text)).toEqual([
      say('staff.notAllowed', { command: 'laporan', role: say('staff.role.mitra') }),
    ]);
  });

  it('answers a period it cannot read with the usage line', async () => {
    for (const bad of ['/laporan kemarin', '/laporan 2026-13', '/laporan 2026-11-20..2026-11-01']) {
      expect((await petugas.send(bad)).map((r) => r.text)).toEqual([
        say('staff.usage', { usage: say('staff.usage.laporan') }),
      ]);
    }
  });

  it('sends no files to the simulator, which cannot show them, and says so', async () => {
    const simulator = new InProcessChannel(
      { handle: (input) => h.gateway.receive(input) },
      h.db,
      testCipher(),
      'simulator',
      () => h.clock.now,
    );
    const { code } = await createInvite(h.db.prisma, testCipher(), {
      role: 'koordinator',
      unitCode: '32.04.05',
      ttlHours: 1,
      now: h.clock.now,
    });
    const screen = simulator.chat('lap-simulator');
    await screen.send(`/masuk ${code}`);
    const replies = await screen.send('/laporan csv');
    expect(replies.map((r) => Boolean(r.attachment))).toEqual([false, false]);
    expect(replies[1]?.text).toBe(say('report.filesUnavailable'));
  });
});
