import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { t } from '../../../src/i18n/translate.ts';
import type { InboundMessageInput } from '../../../src/runtime/messages.ts';
import { type MediaServer, startMediaServer } from './media-server.ts';
import {
  contactCard,
  DESK_PN,
  fromResident,
  GROUP_JID,
  locationPin,
  type Resident,
  resident,
  SITI,
  sticker,
  text,
  voiceNote,
} from './wa-fixtures.ts';
import { eventually, startWhatsAppDesk, type WhatsAppDesk } from './whatsapp-desk.ts';

const hint = `_${t('id', 'channel.optionsHint')}_`;

describe('WhatsApp channel', () => {
  let desk: WhatsAppDesk;
  let media: MediaServer;
  let received: InboundMessageInput[];

  beforeAll(async () => {
    desk = await startWhatsAppDesk();
    media = await startMediaServer();
    desk.sockets.last.open();
    received = [];
    const receive = desk.gateway.receive.bind(desk.gateway);
    vi.spyOn(desk.gateway, 'receive').mockImplementation((input) => {
      received.push(input);
      return receive(input);
    });
  });
  afterAll(async () => {
    await desk.close();
    await media.close();
  });

  const sentTo = (who: Resident) => desk.sockets.sent.filter((s) => s.jid === who.lid);

  /** Sends a message as `who` and waits until the desk has answered it with `replies` messages. */
  async function say(who: Resident, content: Parameters<typeof fromResident>[0], replies = 1) {
    const before = sentTo(who).length;
    desk.sockets.last.receive(fromResident(content, who));
    await eventually(() => expect(sentTo(who).length).toBeGreaterThanOrEqual(before + replies));
    return sentTo(who)
      .slice(before)
      .map((s) => s.text);
  }

  describe('files the desk sends', () => {
    it('sends a stored photo as an image and a PDF as a document, each with its caption', async () => {
      const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7]);
      const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 9]);
      const store = async (bytes: Uint8Array, mimeType: string) => {
        const saved = await desk.h.attachments.save(desk.h.db.prisma, {
          bytes,
          mimeType,
          identityId: null,
        });
        if (!saved.ok) throw new Error('not stored');
        return saved.attachmentId;
      };
      const photoId = await store(photo, 'image/jpeg');
      const pdfId = await store(pdf, 'application/pdf');
      const staffLid = '99887766554433@lid';
      await desk.whatsapp.deliver(staffLid, {
        text: 'PB-7K4M2Q · foto 1/2',
        options: [],
        attachment: { attachmentId: photoId },
      });
      await desk.whatsapp.deliver(staffLid, {
        text: 'PB-7K4M2Q · PDF 2/2',
        options: [],
        attachment: { attachmentId: pdfId },
      });
      const [image, document] = desk.sockets.sent
        .filter((s) => s.jid === staffLid)
        .map((s) => s.content);
      expect(image).toMatchObject({ caption: 'PB-7K4M2Q · foto 1/2' });
      expect(new Uint8Array((image as { image: Buffer }).image)).toEqual(photo);
      expect(document).toMatchObject({
        caption: 'PB-7K4M2Q · PDF 2/2',
        mimetype: 'application/pdf',
      });
      expect(new Uint8Array((document as { document: Buffer }).document)).toEqual(pdf);
    });
  });

  describe('text', () => {
    it('starts a conversation and answers the LID with the options as a numbered list', async () => {
      const [reply] = await say(SITI, text('halo, mau tanya bantuan'));
      expect(reply).toBe(
        `${t('id', 'entry.askLanguage')}\n\n1. Bahasa Indonesia\n2. Basa Sunda\n3. English\n\n${hint}`,
      );
      const identity = await desk.h.db.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'whatsapp', externalId: SITI.lid } },
      });
      expect(identity.altExternalId).toBe(SITI.pn);
      const row = await desk.h.db.prisma.outbox.findFirstOrThrow({
        where: { channel: 'whatsapp', chatKey: SITI.lid },
      });
      expect(row.status).toBe('sent');
      expect(row.platformMessageId).toMatch(/^3EB0OUT\d+$/);
    });

    it('takes a typed number as the choice of that option', async () => {
      const who = resident(1);
      await say(who, text('halo'));
      const [consent] = await say(who, text('1'));
      expect(consent?.startsWith(t('id', 'entry.askConsent'))).toBe(true);
      expect(consent).toContain('\n1. Setuju\n');
      // numbered once, by the runtime: the list adds no second number
      expect(consent).not.toMatch(/\d+\. \d+\. /);
      const [menu] = await say(who, text('1'));
      expect(menu?.startsWith(t('id', 'menu.choose'))).toBe(true);
      expect(menu).toMatch(/\n7\. .+\n\n_/);
    });

    it('hints in the language the resident chose', async () => {
      const who = resident(2);
      await say(who, text('halo'));
      const [consent] = await say(who, text('3'));
      expect(consent?.startsWith(t('en', 'entry.askConsent'))).toBe(true);
      expect(consent?.endsWith(`_${t('en', 'channel.optionsHint')}_`)).toBe(true);
    });

    it('answers a message WhatsApp delivered twice only once', async () => {
      const who = resident(3);
      const message = fromResident(text('halo'), who);
      desk.sockets.last.receive(message);
      desk.sockets.last.receive(message);
      await eventually(() =>
        expect(received.filter((r) => r.messageId === message.key.id)).toHaveLength(2),
      );
      await eventually(() => expect(sentTo(who)).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(sentTo(who)).toHaveLength(1);
    });
  });

  describe('files', () => {
    it('keeps a photo in attachment storage and hands the flow its id and caption', async () => {
      const who = resident(4);
      await say(who, text('halo'));
      const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70_000, 7)]);
      const file = await media.upload(bytes, 'image');
      await say(who, {
        viewOnceMessageV2: {
          message: { imageMessage: { ...file, mimetype: 'image/jpeg', caption: 'foto KTP' } },
        },
      });
      const input = received.at(-1);
      expect(input).toMatchObject({ kind: 'photo', text: 'foto KTP', sender: { id: who.lid } });
      const attachment = await desk.h.db.prisma.attachment.findUniqueOrThrow({
        where: { id: input?.attachments?.[0]?.attachmentId as string },
      });
      const identity = await desk.h.db.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'whatsapp', externalId: who.lid } },
      });
      expect(attachment.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(attachment.identityId).toBe(identity.id);
      expect(await desk.h.attachments.read(attachment.storageKey)).toEqual(bytes);
    });

    it('keeps a PDF sent as a document with a caption', async () => {
      const who = resident(5);
      await say(who, text('halo'));
      const bytes = Buffer.from('%PDF-1.4\n% surat keterangan tidak mampu\n%%EOF\n');
      const file = await media.upload(bytes, 'document');
      await say(who, {
        documentWithCaptionMessage: {
          message: {
            documentMessage: {
              ...file,
              mimetype: 'application/pdf',
              fileName: 'sktm.pdf',
              caption: 'SKTM dari desa',
            },
          },
        },
      });
      expect(received.at(-1)).toMatchObject({ kind: 'document', text: 'SKTM dari desa' });
      expect(received.at(-1)?.attachments).toHaveLength(1);
    });

    it('refuses a file declared too large without downloading it', async () => {
      const who = resident(6);
      await say(who, text('halo'));
      const hits = media.hits;
      const replies = await say(who, {
        imageMessage: {
          url: 'http://127.0.0.1:9/never',
          mimetype: 'image/jpeg',
          fileLength: 50 * 1024 * 1024,
          mediaKey: new Uint8Array(32),
        },
      });
      expect(received.at(-1)).toMatchObject({ kind: 'unsupported', unsupported: 'fileTooLarge' });
      expect(replies[0]).toBe(t('id', 'input.fileTooLarge'));
      expect(media.hits).toBe(hits);
    });

    it('refuses a file type the desk does not keep', async () => {
      const who = resident(7);
      await say(who, text('halo'));
      const replies = await say(who, {
        documentMessage: { mimetype: 'application/zip', fileLength: 1000, fileName: 'berkas.zip' },
      });
      expect(received.at(-1)).toMatchObject({ kind: 'unsupported', unsupported: 'fileType' });
      expect(replies[0]).toBe(t('id', 'input.fileType'));
    });
  });

  describe('other content', () => {
    it('passes a location pin on as a location', async () => {
      const who = resident(8);
      await say(who, text('halo'));
      await say(who, locationPin);
      expect(received.at(-1)).toMatchObject({
        kind: 'location',
        location: { latitude: -7.0251, longitude: 107.5198 },
      });
    });

    it('passes a shared contact on with its WhatsApp number', async () => {
      const who = resident(9);
      await say(who, text('halo'));
      await say(who, contactCard);
      expect(received.at(-1)).toMatchObject({
        kind: 'contact',
        contact: { phone: '+6285712345678' },
      });
    });

    it.each([
      ['a sticker', sticker],
      ['a voice note', voiceNote],
    ])('answers %s with the polite "cannot read this" text', async (_name, content) => {
      const who = resident(_name === 'a sticker' ? 10 : 11);
      await say(who, text('halo'));
      const [reply] = await say(who, content);
      expect(reply).toBe(t('id', 'input.unsupported'));
    });
  });

  describe('messages that are not for the desk', () => {
    it.each([
      [
        'a group message',
        fromResident(text('halo semua'), SITI, {
          remoteJid: GROUP_JID,
          participant: SITI.lid,
          remoteJidAlt: undefined,
        }),
      ],
      [
        'a status update',
        fromResident(text('status baru'), SITI, {
          remoteJid: 'status@broadcast',
          participant: SITI.lid,
          remoteJidAlt: undefined,
        }),
      ],
      [
        'a message the desk sent itself',
        fromResident(text('balasan'), resident(12), { fromMe: true }),
      ],
      [
        'a channel post',
        fromResident(text('berita'), SITI, {
          remoteJid: '120363144038483540@newsletter',
          remoteJidAlt: undefined,
        }),
      ],
      [
        'a reaction',
        fromResident({ reactionMessage: { text: '👍', key: { id: 'X' } } }, resident(13)),
      ],
    ])('ignores %s: nothing sent, nothing stored', async (_name, message) => {
      const witness = resident(100 + received.length);
      const before = {
        received: received.length,
        sent: desk.sockets.sent.length,
        identities: await desk.h.db.prisma.channelIdentity.count(),
        outbox: await desk.h.db.prisma.outbox.count(),
      };
      desk.sockets.last.receive(message);
      // A text sent right after is answered, so the ignored one has been looked at by then.
      await say(witness, text('halo'));
      expect(received.length).toBe(before.received + 1);
      expect(desk.sockets.sent.length).toBe(before.sent + 1);
      expect(await desk.h.db.prisma.channelIdentity.count()).toBe(before.identities + 1);
      expect(await desk.h.db.prisma.outbox.count()).toBe(before.outbox + 1);
    });
  });

  it('never writes a LID, a phone number or a message text to the log', () => {
    const log = desk.logs.join('\n');
    expect(desk.logs.length).toBeGreaterThan(0);
    for (const secret of [
      '215487369',
      '6281234567890',
      '62812000',
      DESK_PN,
      'halo',
      'KTP',
      'Siti',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
