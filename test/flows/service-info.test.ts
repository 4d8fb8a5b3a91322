import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { FLOWS } from '../../src/runtime/flow-registry.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe('service information', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  /** A resident at the main menu, in `language` (1 id, 2 su, 3 en), with or without consent. */
  async function atMenu(key: string, { language = '1', consent = '1' } = {}) {
    const chat = h.channel.chat(key);
    await chat.send('halo');
    await chat.send(language);
    await chat.send(consent);
    return chat;
  }

  describe('list', () => {
    it('lists every service of the catalogue', async () => {
      const chat = await atMenu('info-list');
      const [list] = await chat.send({ optionId: 'info' });
      expect(list?.text).toBe(t('id', 'serviceInfo.choose'));
      expect(list?.options.map((o) => o.id)).toEqual(h.ref.services.map((s) => s.code));
    });
  });

  describe('service', () => {
    it('shows the kesehatan checklist with SKTM and 3 working days, and files nothing', async () => {
      const before = await h.db.prisma.ticket.count();
      const chat = await atMenu('info-health');
      await chat.send('4');
      const [shown] = await chat.send('kesehatan');
      expect(shown?.text).toContain('Kesehatan');
      expect(shown?.text).toContain(t('id', 'serviceInfo.sla', { days: 3 }));
      expect(shown?.text).toContain('3 hari kerja');
      expect(shown?.text).toContain(t('id', 'serviceInfo.firstResponse'));
      expect(shown?.text).toContain(`${t('id', 'serviceInfo.required')}\n- KTP\n`);
      expect(shown?.text).toContain('Surat keterangan dokter/rujukan');
      expect(shown?.text).toContain(
        `${t('id', 'serviceInfo.optional')}\n- SKTM dari desa/kelurahan (sering diminta mitra)`,
      );
      expect(shown?.options.map((o) => o.id)).toEqual(['another', 'apply', 'menu']);
      expect(await h.db.prisma.ticket.count()).toBe(before);
    });

    it('says an urgent service needs no documents to start', async () => {
      const chat = await atMenu('info-urgent');
      await chat.send('4');
      const [shown] = await chat.send({ optionId: 'perlindungan' });
      expect(shown?.text).toContain(t('id', 'serviceInfo.urgent'));
      expect(shown?.text).toContain(t('id', 'serviceInfo.noDocuments'));
      expect(shown?.text).toContain(t('id', 'serviceInfo.sla', { days: 1 }));
    });

    it('speaks Sundanese to a Sundanese resident', async () => {
      const chat = await atMenu('info-su', { language: '2' });
      await chat.send('4');
      const [shown] = await chat.send('kaséhatan');
      expect(shown?.text).toContain(t('su', 'serviceInfo.sla', { days: 3 }));
      expect(shown?.text).toContain('SKTM ti desa/kalurahan (sok dipénta ku mitra)');
    });

    it('goes back to the list for another service and to the menu on request', async () => {
      const chat = await atMenu('info-nav');
      await chat.send('4');
      await chat.send('1');
      expect(texts(await chat.send('Lihat layanan lain'))).toEqual([t('id', 'serviceInfo.choose')]);
      await chat.send('2');
      expect(texts(await chat.send('kembali'))).toEqual([t('id', 'serviceInfo.choose')]);
      await chat.send('2');
      expect(texts(await chat.send({ optionId: 'menu' }))).toEqual([t('id', 'menu.choose')]);
    });

    it('asks again with the reason for a number that is not listed', async () => {
      const chat = await atMenu('info-range');
      await chat.send('4');
      const replies = await chat.send('42');
      expect(replies[0]?.text).toBe(
        t('id', 'input.outOfRange', { number: 42, max: h.ref.services.length }),
      );
      expect(replies[1]?.text).toBe(t('id', 'serviceInfo.choose'));
    });
  });

  describe('apply', () => {
    it('hands over to the help request for the service shown', async () => {
      const chat = await atMenu('info-apply');
      await chat.send('4');
      await chat.send('kesehatan');
      const replies = await chat.send({ optionId: 'apply' });
      const conversation = await h.db.prisma.conversation.findFirstOrThrow({
        where: { chatKey: 'info-apply' },
      });
      if (FLOWS['help-request']) {
        expect(conversation.flowId).toBe('help-request');
        expect(texts(replies)).not.toContain(t('id', 'runtime.flowUnavailable'));
      } else {
        expect(texts(replies)).toEqual([
          t('id', 'runtime.flowUnavailable'),
          t('id', 'menu.choose'),
        ]);
      }
    });

    it('asks for consent first when the resident declined it, and stays on the service if still no', async () => {
      const chat = await atMenu('info-noconsent', { consent: '2' });
      await chat.send('4');
      await chat.send('kesehatan');
      expect(texts(await chat.send('2'))).toEqual([t('id', 'menu.needConsent')]);
      const replies = await chat.send('tidak');
      expect(replies[0]?.text).toBe(t('id', 'entry.consent.declined'));
      expect(replies[1]?.text).toContain(t('id', 'serviceInfo.sla', { days: 3 }));
      const granted = await h.db.prisma.consent.count({
        where: { granted: true, identity: { externalId: 'info-noconsent' } },
      });
      expect(granted).toBe(0);
    });
  });
});
