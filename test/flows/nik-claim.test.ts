/**
 * A NIK typed in a chat that does not speak for the resident holding it: the
 * record and the resident's tickets stay theirs, the request is filed all the
 * same, and staff are warned (typed details only in a private chat).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNik } from '../../src/core/nik.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { NIK_CLAIM_EVENT } from '../../src/tickets/nik-claim.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import {
  fileHelpRequest,
  NAME,
  NEED,
  newResident,
  TRACKING_CODE,
} from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
const texts = (replies: OutboundMessage[]) => replies.map((r) => r.text);
const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const CLAIMED_NAME = 'Dewi Lestari';

describe.each(PROVIDERS)('a NIK typed in another chat, on %s', (provider) => {
  let h: DeskHarness;
  let staff: Chat;
  let room: Chat;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    const join = async (chat: Chat) => {
      const invite = await createInvite(h.db.prisma, testCipher(), {
        role: 'petugas',
        unitCode: '32.04.05.2002', // Cileunyi Wetan, where the claim is filed
        ttlHours: 1,
        now: h.clock.now,
      });
      await chat.send(`/masuk ${invite.code}`);
    };
    staff = h.channel.chat('claim-staff');
    room = h.channel.groupChat('claim-room', 'claim-room-member');
    await join(staff);
    await join(room);
  });
  afterAll(() => h.close());

  async function record(nik: string) {
    const citizen = await h.db.prisma.citizen.findUniqueOrThrow({
      where: { nikHash: testCipher().lookupHash('nik', nik) },
    });
    const open = (sealed: string | null) => (sealed ? testCipher().decrypt(sealed) : null);
    return {
      id: citizen.id,
      name: open(citizen.nameEnc),
      kk: open(citizen.kkEnc),
      domicileCode: citizen.domicileCode,
      locale: citizen.locale,
    };
  }

  const identityOf = (chat: Chat) =>
    h.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: chat.senderId } });

  /** The codes the status check offers this chat as its own. */
  async function offeredCodes(chat: Chat): Promise<string[]> {
    await chat.send('menu');
    const asked = await chat.send('3');
    expect(texts(asked)[0]).toBe(t((await identityOf(chat)).locale as 'id', 'status.askCode'));
    // The last option is always the way back to the menu, not a ticket.
    const codes = (asked[0]?.options ?? []).map((o) => o.id).filter((id) => id !== 'menu');
    await chat.send('menu');
    return codes;
  }

  it('keeps the record and the tickets, files the request and warns staff', async () => {
    const who = newResident();
    const owner = h.channel.chat('claim-owner');
    const ownerCode = await fileHelpRequest(owner, who);
    const before = await record(who.nik);

    // Another phone, in English, types the same NIK with another name, KK and desa,
    // for the very service the resident has open.
    const other = h.channel.chat('claim-other');
    const otherKk = newResident().kk;
    const seen: string[] = [];
    for (const answer of [
      'halo',
      '3',
      '1',
      '1',
      'kesehatan',
      NEED,
      CLAIMED_NAME,
      who.nik,
      otherKk,
      'cileunyi',
      'cileunyi wetan',
      'selesai',
      '1',
    ]) {
      seen.push(...texts(await other.send(answer)));
    }
    const code = TRACKING_CODE.exec(seen.join('\n'))?.[0] as string;
    expect(code).toMatch(TRACKING_CODE);
    expect(code).not.toBe(ownerCode);
    expect(seen.join('\n')).not.toContain(ownerCode);

    // Name, KK, domicile and language are the resident's still, and the chat is not linked.
    expect(await record(who.nik)).toEqual(before);
    expect(before).toMatchObject({ name: NAME, kk: who.kk, domicileCode: '32.04.05.2001' });
    expect((await identityOf(other)).citizenId).toBeNull();

    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({
      where: { code },
      include: { events: true },
    });
    expect(ticket).toMatchObject({ citizenId: before.id, needsVerification: true });
    const claim = ticket.events.find((e) => e.type === NIK_CLAIM_EVENT);
    expect(claim?.visibility).toBe('internal');
    for (const secret of [CLAIMED_NAME, otherKk]) expect(claim?.after).not.toContain(secret);

    // Each chat's status check offers its own ticket only.
    expect(await offeredCodes(other)).toEqual([code]);
    expect(await offeredCodes(owner)).toEqual([ownerCode]);

    // The unit's group hears of the claim, without a name, NIK or KK.
    const announced = texts(await room.drain()).find((text) => text.includes(code)) ?? '';
    expect(announced).toContain(say('staff.announce.nikClaim', { code, fields: 'nama, KK' }));
    for (const secret of [NAME, CLAIMED_NAME, who.nik, who.kk, otherKk]) {
      expect(announced).not.toContain(secret);
    }

    // A staff member's private chat compares the stored record with what was typed.
    await staff.drain();
    const privately = texts(await staff.send(`/tiket ${code}`)).join('\n');
    expect(privately).toContain(`Pelapor: ${NAME}\nNIK: ${who.nik} · KK: ${who.kk}`);
    expect(privately).toContain(
      [
        say('staff.ticket.nikClaim'),
        say('staff.ticket.nikClaimDiffers', { fields: 'nama, KK' }),
        say('staff.ticket.nikClaimTyped', { name: CLAIMED_NAME, kk: otherKk }),
      ].join('\n'),
    );
    // The resident's own ticket is in another desa, out of this unit's reach.
    expect(privately).not.toContain(ownerCode);

    // The group learns which fields differ, never what was typed, and sees NIK/KK masked.
    const inGroup = texts(await room.send(`/tiket ${code}`)).join('\n');
    expect(inGroup).toContain(
      [
        say('staff.ticket.nikClaim'),
        say('staff.ticket.nikClaimDiffers', { fields: 'nama, KK' }),
        say('staff.ticket.nikClaimPrivate', { code }),
      ].join('\n'),
    );
    expect(inGroup).toContain(`NIK: ${maskNik(who.nik)}`);
    for (const secret of [CLAIMED_NAME, who.nik, who.kk, otherKk]) {
      expect(inGroup).not.toContain(secret);
    }
  });

  it('lets the chat linked to the resident update its own details', async () => {
    const who = newResident();
    const owner = h.channel.chat('claim-updater');
    await fileHelpRequest(owner, who);
    await owner.send('menu');
    const newKk = newResident().kk;
    for (const answer of ['1', 'bansos', 'Data DTKS belum diperbarui.', 'Siti Rahayu', who.nik]) {
      await owner.send(answer);
    }
    for (const answer of [newKk, 'cileunyi', 'cileunyi wetan', 'selesai']) await owner.send(answer);
    const code = TRACKING_CODE.exec(texts(await owner.send('1')).join('\n'))?.[0] as string;
    expect(await record(who.nik)).toMatchObject({
      name: 'Siti Rahayu',
      kk: newKk,
      domicileCode: '32.04.05.2002',
    });
    const claims = await h.db.prisma.ticketEvent.count({
      where: { ticket: { code }, type: NIK_CLAIM_EVENT },
    });
    expect(claims).toBe(0);
  });

  it('still speaks for itself after filing for someone else (a parent for a child)', async () => {
    const parent = newResident();
    const child = newResident();
    const chat = h.channel.chat('claim-parent');
    await fileHelpRequest(chat, parent);
    await chat.send('menu');
    for (const answer of [
      '1',
      'pendidikan',
      'Anak saya butuh seragam sekolah.',
      'Rina',
      child.nik,
    ]) {
      await chat.send(answer);
    }
    for (const answer of [parent.kk, 'cileunyi', 'cileunyi kulon', 'selesai', '1']) {
      await chat.send(answer);
    }
    await chat.send('menu');
    for (const answer of [
      '1',
      'bansos',
      'Data DTKS belum diperbarui.',
      'Siti Aminah R',
      parent.nik,
    ]) {
      await chat.send(answer);
    }
    for (const answer of [parent.kk, 'cileunyi', 'cileunyi kulon', 'selesai'])
      await chat.send(answer);
    const code = TRACKING_CODE.exec(texts(await chat.send('1')).join('\n'))?.[0] as string;
    expect((await record(parent.nik)).name).toBe('Siti Aminah R');
    const claims = await h.db.prisma.ticketEvent.count({
      where: { ticket: { code }, type: NIK_CLAIM_EVENT },
    });
    expect(claims).toBe(0);
    // The chat points at the parent again, whom its next filing without a NIK is for.
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'claim-parent' },
    });
    expect(identity.citizenId).toBe((await record(parent.nik)).id);
  });
});
