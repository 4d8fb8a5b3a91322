/**
 * WAMessage fixtures in the shape Baileys 7 emits them in `messages.upsert`
 * (decodeMessageNode's key with remoteJidAlt and addressingMode, the decrypted
 * proto.IMessage, seconds in messageTimestamp). Numbers and LIDs are made up.
 */
import type { proto, WAMessage } from '@whiskeysockets/baileys';

export const RESIDENT_LID = '215487369012345@lid';
export const RESIDENT_PN = '6281234567890@s.whatsapp.net';
export const DESK_PN = '6289900011122@s.whatsapp.net';
export const GROUP_JID = '120363025246125888@g.us';

/** 2026-11-27 09:00 WIB, the desk harness's clock, in seconds. */
export const SENT_AT_S = Date.parse('2026-11-27T09:00:00+07:00') / 1000;

let sequence = 0;

/** A made-up resident: their LID and phone-number JID. */
export interface Resident {
  lid: string;
  pn: string;
}

export const SITI: Resident = { lid: RESIDENT_LID, pn: RESIDENT_PN };

/** Another made-up resident, distinct for each n. */
export function resident(n: number): Resident {
  return {
    lid: `2154873690${String(n).padStart(5, '0')}@lid`,
    pn: `62812000${String(n).padStart(5, '0')}@s.whatsapp.net`,
  };
}

/** A private message from the resident, addressed by LID with the phone JID beside it (Baileys 7). */
export function fromResident(
  message: proto.IMessage,
  who: Resident = SITI,
  key: Partial<WAMessage['key']> = {},
): WAMessage {
  sequence += 1;
  return {
    key: {
      remoteJid: who.lid,
      remoteJidAlt: who.pn,
      fromMe: false,
      id: `3A${String(sequence).padStart(18, '0')}`,
      addressingMode: 'lid',
      ...key,
    },
    messageTimestamp: SENT_AT_S + sequence,
    pushName: 'Siti Aminah',
    broadcast: false,
    message: {
      ...message,
      messageContextInfo: { deviceListMetadataVersion: 2 },
    },
  };
}

export const text = (body: string): proto.IMessage => ({ conversation: body });

export const sticker: proto.IMessage = {
  stickerMessage: { mimetype: 'image/webp', fileLength: 20_480, isAnimated: false },
};

export const voiceNote: proto.IMessage = {
  audioMessage: { mimetype: 'audio/ogg; codecs=opus', seconds: 7, ptt: true, fileLength: 11_000 },
};

export const locationPin: proto.IMessage = {
  locationMessage: { degreesLatitude: -7.0251, degreesLongitude: 107.5198, name: 'Soreang' },
};

export const contactCard: proto.IMessage = {
  contactMessage: {
    displayName: 'Pak RT',
    vcard:
      'BEGIN:VCARD\nVERSION:3.0\nN:;Pak RT;;;\nFN:Pak RT\nTEL;type=CELL;type=VOICE;waid=6285712345678:+62 857-1234-5678\nEND:VCARD',
  },
};
