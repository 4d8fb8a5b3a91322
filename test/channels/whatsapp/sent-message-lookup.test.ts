import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOutbound } from '../../../src/channels/whatsapp/render-outbound.ts';
import {
  type GetMessage,
  sentMessageLookup,
} from '../../../src/channels/whatsapp/sent-message-lookup.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { numberOptions, type OutboundMessage } from '../../../src/runtime/messages.ts';
import { sealOutboxPayload } from '../../../src/runtime/outbox-payload.ts';
import { FieldCipher } from '../../../src/security/field-cipher.ts';
import type { Database } from '../../../src/store/database.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../../support/test-database.ts';
import { fromResident, resident, text } from './wa-fixtures.ts';
import { eventually, startWhatsAppDesk } from './whatsapp-desk.ts';

const chatKey = resident(51).lid;
const hint = t('en', 'channel.optionsHint');

describe.each(PROVIDERS)('sent WhatsApp messages asked for again, on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  const logs: string[] = [];
  let rows = 0;
  let lookup: GetMessage;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    lookup = sentMessageLookup({
      prisma: db.prisma,
      cipher: testCipher(),
      logger: createLogger('info', { write: (line: string) => logs.push(line) }),
      locale: async () => 'en',
    });
  });
  afterAll(() => drop());

  async function sent(message: OutboundMessage, payload?: string) {
    rows += 1;
    const platformMessageId = `3EB0SENT${rows}`;
    await db.prisma.outbox.create({
      data: {
        channel: 'whatsapp',
        chatKey,
        dedupeKey: `lookup-${rows}`,
        payload: payload ?? sealOutboxPayload(testCipher(), message),
        status: 'sent',
        platformMessageId,
      },
    });
    return { remoteJid: chatKey, fromMe: true, id: platformMessageId };
  }

  it('rebuilds the text as it was sent, options numbered with the hint in the chat language', async () => {
    // A step's prompt, as the runtime queues it: labels numbered.
    const message = numberOptions({
      text: 'Pilih layanan:',
      options: [
        { id: 'kesehatan', label: 'Kesehatan' },
        { id: 'pendidikan', label: 'Pendidikan' },
      ],
    });
    const key = await sent(message);
    expect(await lookup(key)).toEqual({
      extendedTextMessage: {
        text: `Pilih layanan:\n\n1. Kesehatan\n2. Pendidikan\n\n_${hint}_`,
      },
    });
  });

  it('gives the last part of a long message, the one whose id the outbox kept', async () => {
    const message = { text: `${'Syarat lengkap. '.repeat(300)}Selesai.`, options: [] };
    const key = await sent(message);
    const parts = renderOutbound(message, hint);
    expect(parts.length).toBeGreaterThan(1);
    expect(await lookup(key)).toEqual({ extendedTextMessage: { text: parts.at(-1) } });
  });

  it('has nothing for an unknown id, another channel, or a file (it would need uploading again)', async () => {
    expect(await lookup({ remoteJid: chatKey, id: '3EB0NEVERSENT' })).toBeUndefined();
    const file = await sent({ text: 'foto 1/1', options: [], attachment: { attachmentId: 'a1' } });
    expect(await lookup(file)).toBeUndefined();
    await db.prisma.outbox.create({
      data: {
        channel: 'telegram',
        chatKey: '777',
        dedupeKey: 'lookup-telegram',
        payload: sealOutboxPayload(testCipher(), { text: 'rahasia', options: [] }),
        status: 'sent',
        platformMessageId: '3EB0TELEGRAM',
      },
    });
    expect(await lookup({ remoteJid: chatKey, id: '3EB0TELEGRAM' })).toBeUndefined();
  });

  it('has nothing, and logs no content, for a payload sealed with another key', async () => {
    const otherKey = new FieldCipher(Buffer.alloc(32, 7));
    const key = await sent(
      { text: 'NIK 3204123456780001', options: [] },
      sealOutboxPayload(otherKey, { text: 'NIK 3204123456780001', options: [] }),
    );
    expect(await lookup(key)).toBeUndefined();
    expect(logs.join('\n')).toContain('could not be read from the outbox');
    expect(logs.join('\n')).not.toContain('3204123456780001');
  });

  it('is what the channel gives Baileys: a reply the desk sent can be sent again', async () => {
    const desk = await startWhatsAppDesk({ provider });
    try {
      const socket = desk.sockets.last;
      socket.open();
      const who = resident(52);
      socket.receive(fromResident(text('halo'), who));
      let id = '';
      await eventually(async () => {
        const row = await desk.h.db.prisma.outbox.findFirst({
          where: { chatKey: who.lid, platformMessageId: { not: null } },
        });
        id = row?.platformMessageId ?? '';
        expect(id).not.toBe('');
      });
      // The fake socket numbers its sends 3EB0OUT1, 3EB0OUT2, ...
      const sentText = socket.sent[Number(id.replace('3EB0OUT', '')) - 1]?.text;
      const getMessage = socket.config.getMessage;
      expect(getMessage).toBeTypeOf('function');
      expect(await getMessage?.({ remoteJid: who.lid, fromMe: true, id })).toEqual({
        extendedTextMessage: { text: sentText },
      });
    } finally {
      await desk.close();
    }
  });
});
