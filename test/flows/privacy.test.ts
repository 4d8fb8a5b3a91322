/**
 * The Privasi menu keeps the consent text's promise: a resident sees what is
 * stored about them, masked ("Lihat data saya"), and can have it erased
 * ("Hapus data saya") while their tickets still count, nameless, in reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../src/core/mask-personal-data.ts';
import { maskNik } from '../../src/core/nik.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { chatPhone } from '../../src/privacy/resident-data-view.ts';
import { computeReport } from '../../src/reports/report-figures.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import {
  answersUpToDesa,
  fileHelpRequest,
  NAME,
  newResident,
  TRACKING_CODE,
} from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
const texts = (replies: OutboundMessage[]) => replies.map((r) => r.text);
const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const optionIds = (replies: OutboundMessage[]) => replies.at(-1)?.options.map((o) => o.id);

describe.each(PROVIDERS)('the Privasi menu, on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  }, 60_000);
  afterAll(() => h.close());

  const nikHash = (nik: string) => testCipher().lookupHash('nik', nik);
  const identityOf = (chat: Chat) =>
    h.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: chat.senderId } });

  /** A kesehatan request for Cileunyi Kulon with one KTP photo; returns its tracking code. */
  async function fileWithPhoto(chat: Chat, who: { nik: string; kk: string }): Promise<string> {
    for (const answer of [...answersUpToDesa(who), 'cileunyi kulon']) await chat.send(answer);
    const photo = await h.attachments.save(h.db.prisma, {
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 0x01]),
      mimeType: 'image/jpeg',
      identityId: (await identityOf(chat)).id,
    });
    if (!photo.ok) throw new Error('photo not stored');
    await chat.send({
      kind: 'photo',
      attachments: [{ attachmentId: photo.attachmentId, kind: 'photo' }],
    });
    await chat.send('Selesai / Lewati');
    const code = texts(await chat.send('1'))
      .join('\n')
      .match(TRACKING_CODE)?.[0];
    if (!code) throw new Error('no tracking code');
    return code;
  }

  async function openPrivacy(chat: Chat): Promise<OutboundMessage[]> {
    await chat.send('menu');
    return chat.send('Privasi');
  }

  /** Everything stored about the filed ticket and its resident, read straight from the rows. */
  async function stored(code: string, nik: string) {
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({
      where: { code },
      include: { attachments: true, events: true, citizen: true },
    });
    const holder = await h.db.prisma.citizen.findUnique({ where: { nikHash: nikHash(nik) } });
    return { ticket, holder };
  }

  async function fileExists(storageKey: string): Promise<boolean> {
    return h.attachments.read(storageKey).then(
      () => true,
      () => false,
    );
  }

  it('shows the resident their data masked, with their ticket, and never the full NIK', async () => {
    const chat = h.channel.chat(`see-${provider}`);
    const who = newResident();
    const code = await fileWithPhoto(chat, who);

    const privacy = await openPrivacy(chat);
    expect(texts(privacy)).toEqual([say('menu.privacyInfo')]);
    expect(optionIds(privacy)).toEqual(['view', 'erase', 'withdraw', 'back']);

    const shown = await chat.send('Lihat data saya');
    expect(texts(shown)).toEqual([
      say('menu.privacy.myData', {
        name: maskName(NAME),
        nik: maskNik(who.nik),
        kk: maskNik(who.kk),
        desa: maskName('CILEUNYI KULON'),
        phone: say('menu.privacy.notStored'),
        consent: say('menu.privacy.consent.given', { date: formatLongDate('id', h.clock.now) }),
        documents: 1,
        tickets: say('menu.privacy.ticketLine', {
          code,
          service: h.ref.service('kesehatan')?.name.id ?? '',
          status: say('status.ticket.BARU'),
        }),
      }),
      say('menu.privacyInfo'),
    ]);
    const all = texts(shown).join('\n');
    expect(all).toContain(maskNik(who.nik));
    expect(all).toContain(code);
    expect(all).not.toContain(who.nik);
    expect(all).not.toContain(who.kk);
    expect(all).not.toContain(NAME);
  });

  it('keeps everything when the resident says Batal, typed or tapped', async () => {
    const chat = h.channel.chat(`keep-${provider}`);
    const who = newResident();
    const code = await fileWithPhoto(chat, who);
    const before = await stored(code, who.nik);

    await openPrivacy(chat);
    const asked = await chat.send('Hapus data saya');
    expect(texts(asked)).toEqual([say('menu.privacy.eraseConfirm')]);
    expect(optionIds(asked)).toEqual(['erase', 'cancel']);
    expect(texts(await chat.send('Batal'))).toEqual([
      say('menu.privacy.eraseCancelled'),
      say('menu.choose'),
    ]);
    await chat.send('Privasi');
    await chat.send('Hapus data saya');
    expect(texts(await chat.send({ optionId: 'cancel', text: 'Batal' }))).toEqual([
      say('menu.privacy.eraseCancelled'),
      say('menu.choose'),
    ]);

    const after = await stored(code, who.nik);
    expect(after).toEqual(before);
    expect(after.holder?.id).toBe(before.ticket.citizenId);
    expect(after.ticket.attachments).toHaveLength(1);
    expect(await fileExists(after.ticket.attachments[0]?.storageKey ?? '')).toBe(true);
  });

  it('erases NIK, KK, name and photos, keeps the ticket in reports, and asks for consent again', async () => {
    const chat = h.channel.chat(`erase-${provider}`);
    const who = newResident();
    const code = await fileWithPhoto(chat, who);
    const before = await stored(code, who.nik);
    const storageKey = before.ticket.attachments[0]?.storageKey ?? '';
    const citizenId = before.ticket.citizenId ?? '';
    const day = {
      scope: { unitIds: 'all' as const },
      from: new Date(h.clock.now.getTime() - 86_400_000),
      to: new Date(h.clock.now.getTime() + 86_400_000),
    };
    const reportBefore = await computeReport(h.db.prisma, day, h.ref.holidays);

    await openPrivacy(chat);
    await chat.send('Hapus data saya');
    const erased = await chat.send('Ya, hapus');
    expect(texts(erased)).toEqual([
      say('menu.privacy.erased'),
      say('menu.privacy.erasedClosed', { codes: code }),
      say('entry.askLanguage'),
    ]);

    // The person is gone: no name, NIK or KK, and nothing finds them by NIK.
    const after = await stored(code, who.nik);
    expect(after.holder).toBeNull();
    const citizen = await h.db.prisma.citizen.findUniqueOrThrow({ where: { id: citizenId } });
    expect(citizen).toMatchObject({
      nameEnc: null,
      nikEnc: null,
      nikHash: null,
      kkEnc: null,
      kkHash: null,
      domicileCode: null,
    });
    expect(citizen.erasedAt).not.toBeNull();
    expect(
      await h.db.prisma.citizen.count({ where: { kkHash: testCipher().lookupHash('kk', who.kk) } }),
    ).toBe(0);
    expect((await identityOf(chat)).citizenId).toBeNull();

    // The ticket stays for statistics, closed and linked to nobody; its photo is gone.
    expect(after.ticket).toMatchObject({
      kind: 'permohonan',
      serviceCode: 'kesehatan',
      areaCode: before.ticket.areaCode,
      unitId: before.ticket.unitId,
      status: 'DITUTUP',
      citizenId: null,
      originIdentityId: null,
      description: '',
    });
    expect(after.ticket.attachments).toEqual([]);
    expect(await h.db.prisma.attachment.count({ where: { storageKey } })).toBe(0);
    expect(await fileExists(storageKey)).toBe(false);
    const erasure = after.ticket.events.find((e) => e.type === 'personal_data_erased');
    expect(erasure).toMatchObject({ actorKind: 'warga', actorId: null, visibility: 'internal' });
    expect(JSON.parse(erasure?.after ?? '{}').fields).toEqual(
      expect.arrayContaining(['name', 'nik', 'kk', 'documents']),
    );
    expect(after.ticket.events.every((e) => e.message === null)).toBe(true);

    // Staff still find the ticket, closed, with nobody's name or NIK on it.
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: before.ticket.unitId } });
    const invite = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: unit.code,
      ttlHours: 1,
      now: h.clock.now,
    });
    const petugas = h.channel.chat(`erase-staff-${provider}`);
    await petugas.send(`/masuk ${invite.code}`);
    const detail = texts(await petugas.send(`/tiket ${code}`)).join('\n');
    expect(detail).toContain(code);
    expect(detail).toContain('DITUTUP');
    expect(detail).not.toContain(maskNik(who.nik));
    expect(detail).not.toContain(NAME);
    expect(detail).not.toBe(say('staff.failed'));

    const reportAfter = await computeReport(h.db.prisma, day, h.ref.holidays);
    expect(reportAfter.opened).toBe(reportBefore.opened);
    expect(reportAfter.closed).toBe(reportBefore.closed + 1);
    const kesehatan = (r: typeof reportAfter) => r.byService.find((s) => s.code === 'kesehatan');
    expect(kesehatan(reportAfter)?.opened).toBe(kesehatan(reportBefore)?.opened);

    // A newcomer again: language, then consent, and nothing of theirs is listed.
    expect(texts(await chat.send('1'))).toEqual([say('entry.askConsent')]);
    const consent = await h.db.prisma.consent.findFirstOrThrow({
      where: { identityId: (await identityOf(chat)).id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    expect(consent.granted).toBe(false);
    await chat.send('Tidak setuju');
    await chat.send('Privasi');
    expect(texts(await chat.send('Lihat data saya'))).toEqual([
      say('menu.privacy.myData.nothing'),
      say('menu.privacyNoConsent'),
    ]);

    // Another chat typing the same NIK finds nobody: no claim, no old ticket offered.
    const other = h.channel.chat(`erase-other-${provider}`);
    const otherCode = await fileHelpRequest(other, who);
    const otherTicket = await h.db.prisma.ticket.findUniqueOrThrow({
      where: { code: otherCode },
      include: { events: true },
    });
    expect(otherTicket.events.map((e) => e.type)).not.toContain('nik_claimed');
    expect(otherTicket.citizenId).not.toBe(citizenId);
    await other.send('menu');
    const offered = await other.send('3');
    expect(offered.at(-1)?.options.map((o) => o.id)).not.toContain(code);
  });

  it('tells the unit and the partner holding the referral why the ticket stopped, and nothing of who', async () => {
    const petugas = await joinStaff(h, `erase-unit-${provider}`, 'petugas', '32.04.05.2001');
    const mitra = await joinStaff(
      h,
      `erase-mitra-${provider}`,
      'mitra',
      '32.04.05.2001',
      'contoh-baznas',
    );
    const chat = h.channel.chat(`erase-referred-${provider}`);
    const who = newResident();
    const code = await fileHelpRequest(chat, who);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas mohon dibantu`);
    await Promise.all([petugas.drain(), mitra.drain()]);

    await openPrivacy(chat);
    await chat.send('Hapus data saya');
    await chat.send('Ya, hapus');

    expect(texts(await petugas.drain())).toEqual([say('staff.alert.withdrawn', { code })]);
    expect(texts(await mitra.drain())).toEqual([say('partner.announce.withdrawn', { code })]);
    const referral = await h.db.prisma.referral.findFirstOrThrow({
      where: { ticket: { code } },
    });
    expect(referral.status).toBe('DIBATALKAN');
  });

  it('lets a resident without consent see and erase what earlier tickets left', async () => {
    const chat = h.channel.chat(`withdrawn-${provider}`);
    const who = newResident();
    const code = await fileWithPhoto(chat, who);
    await openPrivacy(chat);
    await chat.send('Tarik izin');

    const privacy = await chat.send('Privasi');
    expect(texts(privacy)).toEqual([say('menu.privacyNoConsent')]);
    expect(optionIds(privacy)).toEqual(['view', 'erase', 'back']);
    expect(texts(await chat.send('Lihat data saya')).join('\n')).toContain(code);
    await chat.send('Hapus data saya');
    await chat.send('Ya, hapus');
    expect((await stored(code, who.nik)).holder).toBeNull();
  });
});

describe('the phone number of a chat', () => {
  it('is the WhatsApp number behind a LID chat, and none on Telegram', () => {
    const lid = {
      channel: 'whatsapp',
      externalId: '1234@lid',
      altExternalId: '6281234567890@s.whatsapp.net',
    };
    expect(chatPhone(lid)).toBe('6281234567890');
    expect(maskNik(chatPhone(lid) ?? '')).toBe('6281*****7890');
    expect(
      chatPhone({ channel: 'telegram', externalId: '99887766', altExternalId: null }),
    ).toBeNull();
  });
});

describe('the consent text', () => {
  it.each(['id', 'su', 'en'] as const)('names both privacy options as %s shows them', (locale) => {
    for (const text of [t(locale, 'entry.askConsent'), t(locale, 'entry.consentDetails')]) {
      expect(text).toContain(`"${t(locale, 'menu.privacy.view')}"`);
      expect(text).toContain(`"${t(locale, 'menu.privacy.erase')}"`);
      expect(text).toContain(`"${t(locale, 'menu.privacy')}"`);
    }
  });
});
