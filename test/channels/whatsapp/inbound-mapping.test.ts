import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { chatAddress, mapInboundMessage } from '../../../src/channels/whatsapp/inbound-mapping.ts';
import { withKnownLid } from '../../../src/channels/whatsapp/lid-resolution.ts';
import { phoneFromVcard } from '../../../src/channels/whatsapp/vcard.ts';
import { inboundMessageSchema } from '../../../src/runtime/messages.ts';
import {
  contactCard,
  fromResident,
  GROUP_JID,
  locationPin,
  RESIDENT_LID,
  RESIDENT_PN,
  SENT_AT_S,
  SITI,
  sticker,
  text,
  voiceNote,
} from './wa-fixtures.ts';

const now = () => new Date('2030-01-01T00:00:00Z');

/** The message as it comes off the wire: 64-bit fields decode as protobuf Longs. */
function decoded(message: WAMessage): WAMessage {
  const { key, ...rest } = message;
  const wire = proto.WebMessageInfo.decode(
    proto.WebMessageInfo.encode({ ...rest, key: {} }).finish(),
  );
  return { ...wire, key };
}
const map = (message: WAMessage) => mapInboundMessage(message, now);
const input = (message: WAMessage) => {
  const mapped = map(message);
  if ('skip' in mapped) throw new Error(`skipped: ${mapped.skip}`);
  // Whatever the mapping builds must pass the desk's own schema.
  inboundMessageSchema.parse(mapped.input);
  return mapped.input;
};

describe('mapInboundMessage', () => {
  describe('who wrote', () => {
    it('uses the LID as sender and chat, with the phone JID beside it', () => {
      const message = fromResident(text('halo'));
      expect(input(message)).toMatchObject({
        channel: 'whatsapp',
        conversationKey: RESIDENT_LID,
        messageId: message.key.id,
        sender: { id: RESIDENT_LID, altId: RESIDENT_PN },
      });
    });

    it('finds the LID in remoteJidAlt when WhatsApp addressed the chat by phone number', () => {
      const message = fromResident(text('halo'), SITI, {
        remoteJid: RESIDENT_PN,
        remoteJidAlt: RESIDENT_LID,
        addressingMode: 'pn',
      });
      expect(input(message)).toMatchObject({
        conversationKey: RESIDENT_LID,
        sender: { id: RESIDENT_LID, altId: RESIDENT_PN },
      });
    });

    it('falls back to the phone JID when no LID came with the message', () => {
      const message = fromResident(text('halo'), SITI, {
        remoteJid: RESIDENT_PN,
        remoteJidAlt: undefined,
      });
      expect(input(message)).toMatchObject({
        conversationKey: RESIDENT_PN,
        sender: { id: RESIDENT_PN },
      });
      expect(input(message).sender.altId).toBeUndefined();
    });

    it('drops the device suffix so each of a resident’s phones is the same chat', () => {
      expect(
        chatAddress({
          remoteJid: '215487369012345:12@lid',
          remoteJidAlt: '6281234567890:12@s.whatsapp.net',
        }),
      ).toEqual({
        lid: RESIDENT_LID,
        pn: RESIDENT_PN,
      });
    });

    it('takes the time the phone sent it, as a number or a protobuf Long', () => {
      const message = fromResident(text('halo'));
      const fromWire = decoded(message);
      expect(typeof fromWire.messageTimestamp).toBe('object');
      const sentAt = new Date(Number(message.messageTimestamp) * 1000);
      expect(sentAt.valueOf()).toBeGreaterThan(SENT_AT_S * 1000);
      expect(input(message).receivedAt).toEqual(sentAt);
      expect(input(fromWire).receivedAt).toEqual(sentAt);
      expect(input({ ...message, messageTimestamp: null }).receivedAt).toEqual(now());
    });
  });

  describe('what is not for the desk', () => {
    it.each([
      ['our own message', fromResident(text('x'), SITI, { fromMe: true }), 'fromMe'],
      [
        'a group',
        fromResident(text('x'), SITI, { remoteJid: GROUP_JID, participant: RESIDENT_LID }),
        'group',
      ],
      [
        'a status update',
        fromResident(text('x'), SITI, { remoteJid: 'status@broadcast' }),
        'broadcast',
      ],
      [
        'a broadcast list',
        fromResident(text('x'), SITI, { remoteJid: '1700000000@broadcast' }),
        'broadcast',
      ],
      [
        'a channel',
        fromResident(text('x'), SITI, { remoteJid: '120363144038483540@newsletter' }),
        'newsletter',
      ],
      [
        'a bot',
        fromResident(text('x'), SITI, { remoteJid: '13135550002@bot', remoteJidAlt: undefined }),
        'notPersonal',
      ],
      ['a reaction', fromResident({ reactionMessage: { text: '🙏' } }), 'housekeeping'],
      ['a deletion', fromResident({ protocolMessage: { type: 0 } }), 'housekeeping'],
      ['a poll vote', fromResident({ pollUpdateMessage: {} }), 'housekeeping'],
    ] as const)('skips %s', (_name, message, reason) => {
      expect(map(message)).toEqual({ skip: reason });
    });

    it('skips a message Baileys could not decrypt (no content, only a stub)', () => {
      const message = fromResident(text('x'));
      message.message = null;
      message.messageStubType = 2;
      expect(map(message)).toEqual({ skip: 'noContent' });
    });
  });

  describe('text', () => {
    it('reads a plain message and a message with a link preview or quote', () => {
      expect(input(fromResident(text('Saya butuh bantuan')))).toMatchObject({
        kind: 'text',
        text: 'Saya butuh bantuan',
      });
      const quoted = fromResident({
        extendedTextMessage: {
          text: '2',
          contextInfo: { stanzaId: 'ABC', quotedMessage: { conversation: 'Pilih' } },
        },
      });
      expect(input(quoted)).toMatchObject({ kind: 'text', text: '2' });
    });

    it('unwraps a disappearing message', () => {
      const message = fromResident({
        ephemeralMessage: { message: { extendedTextMessage: { text: 'menu' } } },
      });
      expect(input(message)).toMatchObject({ kind: 'text', text: 'menu' });
    });

    it('reads a button or list reply as the chosen option', () => {
      const button = fromResident({
        buttonsResponseMessage: { selectedButtonId: 'complaint', selectedDisplayText: 'Pengaduan' },
      });
      expect(input(button)).toMatchObject({
        kind: 'option',
        optionId: 'complaint',
        text: 'Pengaduan',
      });
      const list = fromResident({
        listResponseMessage: {
          title: 'Kesehatan',
          singleSelectReply: { selectedRowId: 'kesehatan' },
        },
      });
      expect(input(list)).toMatchObject({
        kind: 'option',
        optionId: 'kesehatan',
        text: 'Kesehatan',
      });
    });
  });

  describe('files', () => {
    it('describes a photo to fetch, with its caption, even inside a view-once wrapper', () => {
      const mapped = map(
        decoded(
          fromResident({
            viewOnceMessageV2: {
              message: {
                imageMessage: { mimetype: 'image/jpeg', fileLength: 81_234, caption: 'KK' },
              },
            },
          }),
        ),
      );
      expect(mapped).toMatchObject({
        input: { kind: 'unsupported', unsupported: 'media', text: 'KK' },
        media: { mimeType: 'image/jpeg', sizeBytes: 81_234 },
      });
    });

    it('describes a document sent with a caption', () => {
      const mapped = map(
        fromResident({
          documentWithCaptionMessage: {
            message: {
              documentMessage: { mimetype: 'application/pdf', fileLength: 2048, caption: 'SKTM' },
            },
          },
        }),
      );
      expect(mapped).toMatchObject({
        input: { text: 'SKTM' },
        media: { mimeType: 'application/pdf', sizeBytes: 2048 },
      });
    });
  });

  describe('other content', () => {
    it('reads a location pin', () => {
      expect(input(fromResident(locationPin))).toMatchObject({
        kind: 'location',
        location: { latitude: -7.0251, longitude: 107.5198 },
      });
    });

    it('reads the WhatsApp number of a shared contact', () => {
      expect(input(fromResident(contactCard))).toMatchObject({
        kind: 'contact',
        contact: { phone: '+6285712345678' },
      });
    });

    it.each([
      ['a sticker', sticker],
      ['a voice note', voiceNote],
      ['a video', { videoMessage: { mimetype: 'video/mp4', seconds: 12 } }],
      ['a poll', { pollCreationMessageV3: { name: 'Kapan?', options: [{ optionName: 'Senin' }] } }],
      [
        'a contact card without a number',
        { contactMessage: { vcard: 'BEGIN:VCARD\nFN:X\nEND:VCARD' } },
      ],
    ])('marks %s as media the desk cannot read', (_name, content) => {
      expect(input(fromResident(content))).toMatchObject({
        kind: 'unsupported',
        unsupported: 'media',
      });
    });
  });
});

describe('phoneFromVcard', () => {
  it('prefers the WhatsApp id, then the TEL line as written', () => {
    expect(phoneFromVcard('TEL;type=CELL;waid=6281234567890:+62 812-3456-7890')).toBe(
      '+6281234567890',
    );
    expect(phoneFromVcard('BEGIN:VCARD\nitem1.TEL:+62 22 5891234\nEND:VCARD')).toBe('+62225891234');
    expect(phoneFromVcard('BEGIN:VCARD\nTEL;TYPE=CELL:0812 3456 7890\nEND:VCARD')).toBe(
      '081234567890',
    );
    expect(phoneFromVcard('BEGIN:VCARD\nFN:Tanpa Nomor\nEND:VCARD')).toBeUndefined();
  });
});

describe('withKnownLid', () => {
  const socket = (lid: string | null) => ({
    signalRepository: { lidMapping: { getLIDForPN: async () => lid } },
  });

  it('moves a resident known only by phone number to their LID when Baileys knows it', async () => {
    const byPhone = input(
      fromResident(text('halo'), SITI, { remoteJid: RESIDENT_PN, remoteJidAlt: undefined }),
    );
    expect(await withKnownLid(socket('215487369012345:3@lid'), byPhone)).toMatchObject({
      conversationKey: RESIDENT_LID,
      sender: { id: RESIDENT_LID, altId: RESIDENT_PN },
    });
    expect(await withKnownLid(socket(null), byPhone)).toBe(byPhone);
  });
});
