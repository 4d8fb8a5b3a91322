/**
 * A thousand residents writing their first message in the same instant (a
 * broadcast, a news item, the morning rush) must each get an answer. Every
 * message first asks whether its sender is staff; that lookup once went out
 * as Prisma findUniques batched into one query with a parameter per message,
 * which SQLite refused past its parameter limit, so every message in the
 * burst failed as NotCommitted and, on WhatsApp, was lost for good. Keeping
 * a photo looks the sender up the same way, so a burst of photos is tested too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { t } from '../../src/i18n/translate.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { PROVIDERS } from '../support/test-database.ts';

/** Above the 999 bind parameters Prisma allows one SQLite query, so the old batched lookup fails. */
const RESIDENTS = 1000;
const BURST_MS = 120_000;

/** The first failure and its cause (the database's own error), for the assertion message. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  // Prisma's message starts with the calling code; its last line says what the database refused.
  const said = cause?.message?.trim().split('\n').at(-1) ?? '';
  return `${error.message}; cause: ${cause?.code ?? ''} ${said}`;
}

describe.each(PROVIDERS)('a burst of first messages on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, 'petugas-burst', 'petugas', '32.04.05.2001');
    await petugas.drain();
  });
  afterAll(async () => h?.close());

  it(
    `answers every one of ${RESIDENTS} residents and still routes a staff command`,
    async () => {
      const chatKeys = Array.from({ length: RESIDENTS }, (_, i) => `burst-${i}`);
      const residents = chatKeys.map((key) =>
        h.gateway.receive(h.channel.chat(key).inbound('halo')),
      );
      // Plain /bantuan is a resident command too: only the staff lookup sends it to the staff desk.
      const staff = h.gateway.receive(petugas.inbound('/bantuan'));

      const outcomes = await Promise.allSettled([...residents, staff]);
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(failures.length, describeFailure(failures[0])).toBe(0);
      const statuses = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : 'thrown'));
      expect(new Set(statuses)).toEqual(new Set(['handled']));

      const answered = await h.db.prisma.outbox.groupBy({
        by: ['chatKey'],
        where: { chatKey: { startsWith: 'burst-' } },
        _count: { _all: true },
      });
      expect(answered.length).toBe(RESIDENTS);
      expect(answered.every((row) => row._count._all > 0)).toBe(true);

      const staffReplies = (await petugas.drain()).map((r) => r.text).join('\n');
      expect(staffReplies).toContain(
        t('id', 'staff.help.header', { role: t('id', 'staff.role.petugas') }),
      );
    },
    BURST_MS,
  );

  it(
    `keeps a photo from each of the same ${RESIDENTS} residents sent at one moment, each against its sender`,
    async () => {
      const senders = Array.from({ length: RESIDENTS }, (_, i) => `burst-${i}`);
      const stored = await Promise.allSettled(
        senders.map((sender) =>
          h.gateway.storeFile('test', sender, {
            bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
            mimeType: 'image/jpeg',
          }),
        ),
      );
      const failures = stored.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(failures.length, describeFailure(failures[0])).toBe(0);
      // Only these residents sent files here: one photo each, each tied to a different identity.
      const owners = await h.db.prisma.attachment.groupBy({
        by: ['identityId'],
        where: { identityId: { not: null } },
        _count: { _all: true },
      });
      expect(owners.length).toBe(RESIDENTS);
      expect(owners.every((o) => o._count._all === 1)).toBe(true);
    },
    BURST_MS,
  );
});
