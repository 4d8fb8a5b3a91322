/**
 * Arbitrary input at every step of every flow, through the whole desk: the
 * resident always gets a reply, never the error apology, and the
 * conversation stays loadable.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { saveConversation } from '../../src/runtime/conversation-store.ts';
import { FLOWS } from '../../src/runtime/flow-registry.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { reachableSteps } from '../support/flow-model.ts';
import { testCipher } from '../support/test-cipher.ts';

const texts = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -3, max: 60 }).map(String),
  fc.constantFrom(
    'menu',
    'batal',
    'kembali',
    'bantuan',
    'petunjuk',
    'saya butuh bantuan beras',
    'mau lapor',
    'cek status PB-7K4M2Q',
    'punten',
    'uih',
    'back',
    'selesai',
    'ya',
    'tidak',
    '🙂🙂',
    '😀',
    '',
  ),
  fc.constantFrom(
    '3204054512900001',
    '320405451290001',
    'PB-7K4M2Q',
    'pb 7k4m2q',
    'cileunyi kln',
    'Siti Aminah',
  ),
  fc.string({ minLength: 4900, maxLength: 5100 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const messages = fc.oneof(
  { weight: 6, arbitrary: texts.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unsupported' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('location' as const),
      location: fc.record({
        latitude: fc.double({ min: -90, max: 90, noNaN: true }),
        longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 20 })
      .map((optionId) => ({ kind: 'option' as const, optionId })),
  },
);

describe('any input at any step', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  const cases = Object.values(FLOWS).flatMap((def) =>
    def
      ? reachableSteps(def.machine)
          .filter((p) => p.state.status === 'active')
          .map((p) => ({
            def,
            state: p.state,
            name: `${def.id} ${JSON.stringify(p.state.value)} ${(p.state.context as { locale?: string }).locale}`,
          }))
      : [],
  );

  it.each(cases)('$name', async ({ def, state }) => {
    await fc.assert(
      fc.asyncProperty(messages, async (message) => {
        const chat = h.channel.chat(`fuzz-${Math.random().toString(36).slice(2)}`);
        const identity = await h.db.prisma.channelIdentity.create({
          data: { channel: 'test', externalId: chat.senderId, locale: 'id' },
        });
        await h.db.prisma.$transaction((tx) =>
          saveConversation(
            h.db.statements(tx),
            testCipher(),
            { channel: 'test', chatKey: chat.chatKey, identityId: identity.id },
            {
              flowId: def.id,
              version: def.version,
              value: state.value,
              context: state.context as Record<string, unknown>,
            },
            'id',
            h.clock.now,
          ),
        );
        const replies = await chat.send(message);
        expect(replies.length).toBeGreaterThan(0);
        for (const reply of replies) {
          expect(reply.text).not.toBe(t('id', 'runtime.error'));
          expect(reply.text.length).toBeLessThan(4096);
        }
        const again = await chat.send('menu');
        expect(again.length).toBeGreaterThan(0);
      }),
      { numRuns: 12 },
    );
  });
});
