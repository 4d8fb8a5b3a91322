/**
 * /antrian in urgency order with overdue and near-due markers, and /tiket
 * with the time left in working days, on a real database with the desk's
 * clock on Friday 27 November 2026, 09:00 WIB (no holidays that week).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { endOfJakartaDay } from '../../src/core/working-days.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe.each(PROVIDERS)('urgency in /antrian and /tiket on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    const unit = await h.db.prisma.unit.findFirstOrThrow({
      where: { areaCode: '32.04.06.1001' },
      select: { id: true, code: true, areaCode: true },
    });
    const invite = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: unit.code,
      ttlHours: 1,
      now: h.clock.now,
    });
    petugas = h.channel.chat('urgency-petugas');
    await petugas.send(`/masuk ${invite.code}`);
    // Created out of order, so only the queue's sorting can put them right.
    const tickets: [string, string, string][] = [
      ['paused', 'MENUNGGU_WARGA', '2026-11-20'],
      ['later', 'DIPROSES', '2026-12-03'],
      ['lateOne', 'DIVERIFIKASI', '2026-11-26'],
      ['soon', 'BARU', '2026-11-30'],
      ['lateThree', 'BARU', '2026-11-24'],
    ];
    for (const [index, [name, status, dueDay]] of tickets.entries()) {
      const code = `PB-7QK${String(index).padStart(3, '0')}`;
      codes[name] = code;
      await h.db.prisma.ticket.create({
        data: {
          code,
          kind: 'permohonan',
          unitId: unit.id,
          serviceCode: 'kesehatan',
          areaCode: unit.areaCode,
          description: testCipher().encrypt('Butuh bantuan biaya berobat.'),
          status,
          resumeStatus: status === 'MENUNGGU_WARGA' ? 'DIVERIFIKASI' : null,
          slaPausedAt: status === 'MENUNGGU_WARGA' ? h.clock.now : null,
          channel: 'test',
          slaDueAt: endOfJakartaDay(dueDay),
        },
      });
    }
    await petugas.drain();
  });
  afterAll(() => h.close());

  it('lists the most overdue first, marks overdue and near-due, and puts paused tickets last', async () => {
    const [reply] = texts(await petugas.send('/antrian'));
    const lines = (reply ?? '').split('\n');
    expect(lines[0]).toBe(say('staff.queue.header', { count: 5, filter: '' }));
    const line = (name: string) => lines.find((l) => l.startsWith(codes[name] ?? '-')) ?? '';
    expect(lines.slice(1).map((l) => l.split(' · ')[0])).toEqual(
      ['lateThree', 'lateOne', 'soon', 'later', 'paused'].map((name) => codes[name]),
    );
    expect(line('lateThree')).toContain(say('staff.queue.overdue', { days: 3 }));
    expect(line('lateOne')).toContain(say('staff.queue.overdue', { days: 1 }));
    expect(line('soon')).toContain(say('staff.queue.nearDue', { days: 1 }));
    expect(line('later')).not.toMatch(/⚠|⏳/);
    expect(line('paused')).toContain(say('staff.queue.paused'));
    expect(line('paused')).not.toMatch(/⚠/);
  });

  it('shows the time left in working days in /tiket, and that a paused ticket waits', async () => {
    const detail = async (name: string) =>
      texts(await petugas.send(`/tiket ${codes[name]}`)).join('\n');
    expect(await detail('later')).toContain(`(${say('staff.time.left', { days: 4 })})`);
    expect(await detail('lateThree')).toContain(`(${say('staff.time.late', { days: 3 })})`);
    expect(await detail('paused')).toContain(`(${say('staff.time.paused')})`);
    // Over the weekend nothing counts: on Monday morning "soon" is due tonight.
    h.clock.advance(3 * 24 * 3_600_000);
    expect(await detail('soon')).toContain(`(${say('staff.time.left', { days: 0 })})`);
    expect(await detail('lateOne')).toContain(`(${say('staff.time.late', { days: 2 })})`);
  });
});
