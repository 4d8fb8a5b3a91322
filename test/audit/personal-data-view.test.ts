/**
 * Every /tiket answer that shows a NIK or KK in full leaves one audit event
 * naming the viewer and the fields, never the values; a masked answer (a
 * group, the simulator's shared screen, a partner) leaves none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA_VIEWED } from '../../src/audit/personal-data-view.ts';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { t } from '../../src/i18n/translate.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const text = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe.each(PROVIDERS)('personal data views on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let code: string;
  const who = newResident();

  const views = () =>
    h.db.prisma.ticketEvent.findMany({
      where: { ticket: { code }, type: PERSONAL_DATA_VIEWED },
      orderBy: { createdAt: 'asc' },
    });

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, 'view-petugas', 'petugas', '32.04.05.2001');
    await joinStaff(h, 'view-mitra', 'mitra', '32.04', 'contoh-baznas');
    code = await fileHelpRequest(h.channel.chat('view-resident'), who);
    await petugas.drain();
  }, 60_000);
  afterAll(() => h.close());

  it('writes one event per view in a staff member’s own chat, with the fields and no values', async () => {
    const staff = await h.db.prisma.staff.findFirstOrThrow({
      where: { identities: { some: { externalId: 'view-petugas' } } },
    });
    const first = text(await petugas.send(`/tiket ${code}`));
    expect(first).toContain(who.nik);
    expect(first).toContain(who.kk);
    h.clock.advance(60_000);
    await petugas.send(`/tiket ${code}`);

    const events = await views();
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({
        actorKind: 'petugas',
        actorId: staff.id,
        visibility: 'internal',
        message: null,
        before: null,
      });
      expect(JSON.parse(event.after ?? '')).toEqual({ fields: ['nik', 'kk'], channel: 'test' });
      expect(JSON.stringify(event)).not.toContain(who.nik);
      expect(JSON.stringify(event)).not.toContain(who.kk);
    }
    expect(events.map((e) => e.createdAt.getTime())).toEqual([
      events[0]?.createdAt.getTime(),
      (events[0]?.createdAt.getTime() ?? 0) + 60_000,
    ]);
  });

  it('keeps the views out of the /tiket timeline', async () => {
    const answer = (await petugas.send(`/tiket ${code}`)).map((r) => r.text).join('\n');
    expect((await views()).length).toBeGreaterThanOrEqual(3);
    // Only the filing, however often the ticket was opened.
    const lines = answer.split('\n');
    const history = lines.slice(lines.indexOf(t('id', 'staff.ticket.timeline')) + 1, -1);
    expect(history).toHaveLength(1);
    expect(history[0]).toContain(t('id', 'staff.actor.warga'));
  });

  it('writes nothing when the answer is masked: a group, the shared simulator screen, a partner', async () => {
    const before = (await views()).length;
    const room = h.channel.groupChat('view-room', 'view-petugas');
    const inGroup = text(await room.send(`/tiket ${code}`));
    expect(inGroup).toContain(code);
    expect(inGroup).not.toContain(who.nik);

    const onScreen = text(await petugas.send({ text: `/tiket ${code}`, sharedScreen: true }));
    expect(onScreen).toContain(code);
    expect(onScreen).not.toContain(who.nik);

    // The partner sees the ticket once it is referred to it, still masked.
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas`);
    const partner = text(await h.channel.chat('view-mitra').send(`/tiket ${code}`));
    expect(partner).toContain(code);
    expect(partner).not.toContain(who.nik);

    expect(await views()).toHaveLength(before);
  });

  it('names the KK a NIK claim typed when the claim is shown in full', async () => {
    const claimed = newResident();
    const other = await fileHelpRequest(h.channel.chat('view-claimant'), {
      nik: who.nik,
      kk: claimed.kk,
    });
    await petugas.drain();
    const answer = text(await petugas.send(`/tiket ${other}`));
    expect(answer).toContain(claimed.kk);
    const [event] = await h.db.prisma.ticketEvent.findMany({
      where: { ticket: { code: other }, type: PERSONAL_DATA_VIEWED },
    });
    expect(JSON.parse(event?.after ?? '')).toEqual({
      fields: ['nik', 'kk', 'claimedKk'],
      channel: 'test',
    });
    expect(event?.after).not.toContain(claimed.kk);
  });

  it('never lists a view in what the resident sees of the ticket', async () => {
    const publicEvents = await h.db.prisma.ticketEvent.count({
      where: { ticket: { code }, type: PERSONAL_DATA_VIEWED, visibility: 'public' },
    });
    expect(publicEvents).toBe(0);
  });
});
