/**
 * Upgrading a desk whose database holds free text written in clear (by a
 * version before it was sealed): the start seals every such value in place,
 * once, so a later dump holds none of it and the strict readers (/tiket)
 * show it as it was typed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareFoundation } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { looksSealed, openText } from '../../src/security/sealed-text.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import type { Db } from '../../src/store/database.ts';
import { sealPlainFreeText } from '../../src/tickets/plain-free-text.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { TEST_KEY_HEX, testCipher } from '../support/test-cipher.ts';
import { createEmptyDatabase, PROVIDERS, type TestDatabase } from '../support/test-database.ts';

const STORY = 'Saya Siti Aminah, NIK 3204054512900001, dipukul suami setiap malam.';
const REPLY = 'Bu Siti, besok jam 9 ke kantor desa.';
const REASON = 'Obat untuk NIK 3204054512900001 belum diterima.';
const NOTE = 'mohon dibantu, KK 3204051234560001';
/** Typed text may start like a ciphertext; only the full shape counts as sealed. */
const LOOKALIKE = 'v1. langkah pertama: lapor RT';

let serial = 0;

/** Rows as a desk before sealing wrote them; returns the ticket's id and code. */
async function legacyTicket(prisma: Db, description = STORY) {
  serial += 1;
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: '32.04.05.2001' } });
  const partner = await prisma.partner.findFirstOrThrow({ where: { code: 'contoh-baznas' } });
  const ticket = await prisma.ticket.create({
    data: {
      code: `PB-00000${serial}`,
      kind: 'permohonan',
      unitId: unit.id,
      serviceCode: 'kesehatan',
      areaCode: unit.areaCode,
      description,
      status: 'DIBUKA_KEMBALI',
      channel: 'test',
    },
  });
  const event = (type: string, data: { message?: string | null; after?: string }) => ({
    ticketId: ticket.id,
    type,
    actorKind: 'petugas',
    visibility: 'public',
    ...data,
  });
  await prisma.ticketEvent.createMany({
    data: [
      event('created', { message: null }),
      event('staff_message', { message: REPLY }),
      event('note', { message: LOOKALIKE }),
      event('reopened', {
        message: REASON,
        after: JSON.stringify({ status: 'DIBUKA_KEMBALI', reason: REASON }),
      }),
      event('verified', { message: '' }),
    ],
  });
  await prisma.feedback.createMany({
    data: [
      { ticketId: ticket.id, comment: REASON, resolved: false },
      { ticketId: ticket.id, rating: 5, comment: null, resolved: true },
    ],
  });
  await prisma.referral.createMany({
    data: [
      { ticketId: ticket.id, partnerId: partner.id, note: NOTE, reason: REPLY, status: 'DITOLAK' },
      { ticketId: ticket.id, partnerId: partner.id, status: 'DIBATALKAN' },
    ],
  });
  return ticket;
}

/** Every free-text value of the ticket, as stored. */
async function stored(prisma: Db, ticketId: string) {
  const [ticket, events, feedback, referrals] = await Promise.all([
    prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } }),
    prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { type: 'asc' } }),
    prisma.feedback.findMany({ where: { ticketId }, orderBy: { resolved: 'asc' } }),
    prisma.referral.findMany({ where: { ticketId }, orderBy: { status: 'desc' } }),
  ]);
  return {
    values: [
      ticket.description,
      ...events.map((e) => e.message),
      ...feedback.map((f) => f.comment),
      ...referrals.flatMap((r) => [r.note, r.reason]),
    ],
    events,
  };
}

describe.each(PROVIDERS)('sealing free text kept in clear on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  it('seals each value once, drops the reason from a reopening\'s readable "after", and /tiket shows them', async () => {
    const ticket = await legacyTicket(h.db.prisma);
    const sealedBefore = testCipher().encrypt('sudah disegel');
    await h.db.prisma.ticketEvent.create({
      data: { ticketId: ticket.id, type: 'x_sealed', actorKind: 'petugas', message: sealedBefore },
    });

    expect(await sealPlainFreeText(h.db.prisma, testCipher())).toEqual({
      'Ticket.description': 1,
      'TicketEvent.message': 3,
      'Feedback.comment': 1,
      'Referral.note': 1,
      'Referral.reason': 1,
      'TicketEvent.after': 1,
    });

    const after = await stored(h.db.prisma, ticket.id);
    for (const value of after.values) {
      expect(value === null || value === '' || looksSealed(value), String(value)).toBe(true);
    }
    // Types sorted: created, note, reopened, staff_message, verified, x_sealed.
    expect(after.values.map((v) => openText(testCipher(), v))).toEqual([
      STORY,
      null,
      LOOKALIKE,
      REASON,
      REPLY,
      '',
      'sudah disegel',
      REASON,
      null,
      NOTE,
      REPLY,
      '',
      null,
    ]);
    const reopened = after.events.find((e) => e.type === 'reopened');
    expect(JSON.parse(reopened?.after ?? '{}')).toEqual({ status: 'DIBUKA_KEMBALI' });
    expect(after.events.find((e) => e.type === 'x_sealed')?.message).toBe(sealedBefore);

    // Once is enough: a second start finds nothing, and changes nothing.
    expect(await sealPlainFreeText(h.db.prisma, testCipher())).toEqual({});
    expect((await stored(h.db.prisma, ticket.id)).values).toEqual(after.values);

    const invite = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const petugas = h.channel.chat('seal-petugas');
    await petugas.send(`/masuk ${invite.code}`);
    const detail = (await petugas.send(`/tiket ${ticket.code}`)).map((m) => m.text).join('\n');
    for (const typed of [STORY, REPLY, REASON, LOOKALIKE]) expect(detail).toContain(typed);
  });
});

describe.each(PROVIDERS)('a desk starting on %s', (provider) => {
  let empty: TestDatabase;
  afterEach(() => empty.drop());

  it('seals free text an older version left in clear before anything reads it', async () => {
    empty = await createEmptyDatabase(provider);
    const config = loadConfig({
      DATABASE_URL: empty.url,
      DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
      LOG_LEVEL: 'silent',
    });
    const first = await prepareFoundation(config, createLogger('silent'));
    const ticket = await legacyTicket(first.db.prisma, STORY);
    await first.db.close();

    const again = await prepareFoundation(config, createLogger('silent'));
    try {
      const row = await again.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      expect(looksSealed(row.description)).toBe(true);
      expect(openText(again.cipher, row.description)).toBe(STORY);
    } finally {
      await again.db.close();
    }
  });
});
