/**
 * What Telegram updates become: the same update twice is one message, media
 * the desk cannot read gets the polite "please type or choose", a shared
 * location and contact are mapped, and group chats and chat events are not
 * resident conversations. Photos and documents fetched through getFile land in
 * attachment storage and on the ticket; files the desk would not keep are
 * refused with a friendly text before anything is downloaded.
 */
import { createHash } from 'node:crypto';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/bot-api-emulator.ts';
import { NAME, NEED, person, say, TRACKING_CODE, texts, typeUpToDocuments } from './residents.ts';
import { deskMessageId, startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

const MB = 1024 * 1024;
/** The start of a JPEG and some bytes: the store checks type and size, not pixels. */
const photoBytes = (seed: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, 1, 2, 3]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('telegram › inbound', () => {
  let desk: TelegramDesk;
  beforeAll(async () => {
    desk = await startTelegramDesk();
  });
  afterAll(() => desk.close());

  describe('duplicates', () => {
    it('answers the same update delivered twice only once', async () => {
      const user = new TelegramUser(desk, 85_000_001);
      const update = desk.emulator.pushUpdate(user.text('halo'));
      const id = deskMessageId(update);
      await desk.handled(id);
      // The desk restarts and Telegram sends it again, as after an offset confirmation that never reached it.
      await desk.restartTelegram();
      desk.emulator.pushUpdate(update);
      expect(await desk.handled(id, 2)).toEqual(['handled', 'duplicate']);
      await desk.drained(user.id);
      expect(texts(desk.emulator.sentTo(user.id))).toEqual([say('entry.askLanguage')]);
    });

    it('takes a button press delivered twice as one choice', async () => {
      const user = new TelegramUser(desk, 85_000_002);
      const [question] = await user.say('halo');
      if (!question) throw new Error('no language question');
      const press = desk.emulator.pushUpdate(user.pressUpdate(question, '1. Bahasa Indonesia'));
      await desk.handled(deskMessageId(press));
      await desk.restartTelegram();
      desk.emulator.pushUpdate(press);
      expect(await desk.handled(deskMessageId(press), 2)).toEqual(['handled', 'duplicate']);
      await desk.drained(user.id);
      expect(texts(desk.emulator.sentTo(user.id))).toEqual([
        say('entry.askLanguage'),
        say('entry.askConsent'),
      ]);
    });
  });

  describe('media the desk cannot read', () => {
    const media: [string, number, Partial<Message>][] = [
      [
        'a sticker',
        85_000_101,
        {
          sticker: {
            file_id: 'S1',
            file_unique_id: 'S',
            type: 'regular',
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
          },
        },
      ],
      [
        'a voice note',
        85_000_102,
        { voice: { file_id: 'V1', file_unique_id: 'V', duration: 4, mime_type: 'audio/ogg' } },
      ],
      [
        // A GIF carries a document copy too; it must not be taken for a document to keep.
        'a GIF',
        85_000_103,
        {
          animation: { file_id: 'A1', file_unique_id: 'A', width: 1, height: 1, duration: 1 },
          document: { file_id: 'A1', file_unique_id: 'A', mime_type: 'video/mp4' },
        },
      ],
    ];
    it.each(media)(
      'answers %s with the polite "please type or choose" and asks again',
      async (_what, id, content) => {
        const user = new TelegramUser(desk, id);
        await user.say('halo');
        const replies = await user.send(user.message(content));
        expect(texts(replies)).toEqual([say('input.unsupported'), say('entry.askLanguage')]);
        expect(desk.gateway.inputs.at(-1)).toMatchObject({
          kind: 'unsupported',
          unsupported: 'media',
        });
      },
    );
  });

  describe('places and contacts', () => {
    it('maps a shared location pin, which the help request notes before asking for the desa', async () => {
      const user = new TelegramUser(desk, 85_000_003);
      const who = person();
      for (const answer of ['halo', '1', '1', '1', 'kesehatan', NEED, NAME, who.nik, who.kk]) {
        await user.say(answer);
      }
      await user.say('cileunyi');
      const pin = user.message({ location: { latitude: -6.9386, longitude: 107.7468 } });
      expect(texts(await user.send(pin))).toEqual([
        say('helpRequest.location.noted'),
        say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
      ]);
      expect(desk.gateway.inputs.at(-1)).toMatchObject({
        kind: 'location',
        location: { latitude: -6.9386, longitude: 107.7468 },
      });
    });

    it('maps a shared contact to its phone number', async () => {
      const user = new TelegramUser(desk, 85_000_004);
      await user.say('halo');
      const card = { phone_number: '+6281234567890', first_name: 'Siti', user_id: user.id };
      await user.send(user.message({ contact: card }));
      expect(desk.gateway.inputs.at(-1)).toMatchObject({
        kind: 'contact',
        contact: { phone: '+6281234567890' },
      });
    });
  });

  describe('not resident conversations', () => {
    it('hands group messages over as group messages, and nothing is answered there', async () => {
      const member = new TelegramUser(desk, 85_000_005, { id: -100_500, title: 'Warga RW 05' });
      const update = desk.emulator.pushUpdate(member.text('/start@slrt_desk_test_bot'));
      expect(await desk.handled(deskMessageId(update))).toEqual(['ignored']);
      expect(desk.gateway.inputs.at(-1)).toMatchObject({ chatType: 'group', text: '/start' });
      expect(desk.emulator.sentTo(-100_500)).toEqual([]);
    });

    it('lets chat events such as a pin pass without an answer', async () => {
      const user = new TelegramUser(desk, 85_000_006);
      const pinned = desk.emulator.pushUpdate(
        user.message({ pinned_message: { message_id: 1, date: 0, chat: user.chat } }),
      );
      // Updates of one chat are handled in order: once the next message is, the pin was too.
      const replies = await user.say('halo');
      expect(texts(replies)).toEqual([say('entry.askLanguage')]);
      const ids = desk.gateway.inputs.map((input) => input.messageId);
      expect(ids).not.toContain(deskMessageId(pinned));
    });

    it('asks Telegram only for messages and button presses, so edits never replay a step', async () => {
      await waitFor(() => desk.emulator.callsOf('getUpdates').length > 0, 'a getUpdates call');
      const poll = desk.emulator.callsOf('getUpdates').at(-1);
      expect(poll?.payload.allowed_updates).toEqual(['message', 'callback_query']);
    });
  });

  it('reads a /start deep link as /start', async () => {
    const user = new TelegramUser(desk, 85_000_007);
    expect(texts(await user.say('/start poster-balai-desa'))).toEqual([say('entry.askLanguage')]);
    expect(desk.gateway.inputs.at(-1)).toMatchObject({ kind: 'text', text: '/start' });
  });

  describe('photos and documents', () => {
    it('stores a photo sent at the documents step and links it to the ticket on confirm', async () => {
      const user = new TelegramUser(desk, 83_000_001);
      await typeUpToDocuments(user);
      const bytes = photoBytes(7);
      const photo = user.photoUpdate(bytes, 'KTP saya');
      const replies = await user.send(photo);
      expect(texts(replies)).toEqual([
        say('helpRequest.documents.received', { photoCount: 1 }),
        say('helpRequest.documents.more'),
      ]);
      // The largest of the photo's sizes was fetched, not the thumbnail.
      const largest = photo.message?.photo?.at(-1)?.file_id;
      expect(desk.emulator.callsOf('getFile').at(-1)?.payload.file_id).toBe(largest);

      const stored = await desk.h.db.prisma.attachment.findFirstOrThrow({
        where: { sha256: sha256(bytes) },
      });
      const identity = await desk.h.db.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'telegram', externalId: String(user.id) } },
      });
      expect(stored).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', sizeBytes: 8 });
      expect(stored.identityId).toBe(identity.id);
      expect(Buffer.from(await desk.h.attachments.read(stored.storageKey))).toEqual(
        Buffer.from(bytes),
      );

      await user.say('selesai');
      const done = await user.say('1');
      const code = TRACKING_CODE.exec(texts(done).join('\n'))?.[0] as string;
      const ticket = await desk.h.db.prisma.ticket.findUniqueOrThrow({
        where: { code },
        include: { attachments: true },
      });
      expect(ticket.attachments.map((a) => a.sha256)).toEqual([sha256(bytes)]);
    });

    it('refuses a document over the size limit without downloading it', async () => {
      const user = new TelegramUser(desk, 83_000_002);
      await typeUpToDocuments(user);
      const getFiles = desk.emulator.callsOf('getFile').length;
      const big = user.documentUpdate(
        new Uint8Array([37, 80, 68, 70]),
        'application/pdf',
        'kk.pdf',
        11 * MB,
      );
      const replies = await user.send(big);
      expect(replies[0]?.text).toBe(say('input.fileTooLarge'));
      expect(desk.emulator.callsOf('getFile')).toHaveLength(getFiles);
    });

    it('refuses a file type the desk does not keep, and keeps a PDF', async () => {
      const user = new TelegramUser(desk, 83_000_003);
      await typeUpToDocuments(user);
      const zip = user.documentUpdate(new Uint8Array([80, 75, 3, 4]), 'application/zip', 'kk.zip');
      expect((await user.send(zip))[0]?.text).toBe(say('input.fileType'));

      const pdf = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]);
      const replies = await user.send(user.documentUpdate(pdf, 'application/pdf', 'kk.pdf'));
      expect(replies[0]?.text).toBe(say('helpRequest.documents.received', { photoCount: 1 }));
      const stored = await desk.h.db.prisma.attachment.findFirstOrThrow({
        where: { sha256: sha256(pdf) },
      });
      expect(stored).toMatchObject({ kind: 'document', mimeType: 'application/pdf' });
    });

    it('asks to send the file again when Telegram cannot hand it over', async () => {
      const user = new TelegramUser(desk, 83_000_004);
      await typeUpToDocuments(user);
      const before = desk.emulator.sentTo(user.id).length;
      desk.emulator.failNext('getFile', 1, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: wrong file_id or the file is temporarily unavailable',
      });
      desk.emulator.pushUpdate(user.photoUpdate(photoBytes(9)));
      const apology = await waitFor(
        () => desk.emulator.sentTo(user.id)[before],
        'the apology for the lost file',
      );
      expect(apology.text).toBe(say('channel.fileNotReceived'));
      // Nothing reached the conversation: the resident is still at the documents step.
      const again = await user.send(user.photoUpdate(photoBytes(10)));
      expect(texts(again)[0]).toBe(say('helpRequest.documents.received', { photoCount: 1 }));
    });
  });
});
