import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel-adapter.ts';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../../src/channels/outbox-dispatcher.ts';
import { outboxHistory } from '../../../src/channels/simulator/history.ts';
import {
  createSimulatorChannel,
  MAX_BODY_BYTES,
} from '../../../src/channels/simulator/simulator-channel.ts';
import type { TranscriptEntry } from '../../../src/channels/simulator/transcript.ts';
import { createHttpServer, listen } from '../../../src/http/server.ts';
import { type Key, t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { type DeskHarness, startDeskHarness } from '../../support/desk-harness.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { type EventStreamClient, openEventStream } from './event-stream-client.ts';

const say = (key: Key) => t('id', key);
const logger = createLogger('silent');
/** A 1×1 PNG, as a phone camera would send (only much smaller). */
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

interface Desk {
  h: DeskHarness;
  simulator: ChannelAdapter;
  base: string;
  close(): Promise<void>;
}

/** The real gateway, runtime, outbox and dispatcher, with the simulator's routes on a real port. */
async function startDesk(h: DeskHarness, heartbeatMs?: number): Promise<Desk> {
  let dispatcher: OutboxDispatcher | undefined;
  const gateway = new InboundGateway({
    runtime: h.runtime,
    prisma: h.db.prisma,
    attachments: h.attachments,
    logger,
    onReplies: () => dispatcher?.wake(),
  });
  const clock = () => h.clock.now;
  const simulator = createSimulatorChannel({ gateway, logger, clock, heartbeatMs });
  dispatcher = new OutboxDispatcher({
    prisma: h.db.prisma,
    cipher: testCipher(),
    adapters: [simulator],
    logger,
    pollMs: 50,
    clock,
  });
  const server: Server = createHttpServer({ logger, routes: { ...simulator.routes } });
  await listen(server, 0, '127.0.0.1');
  await simulator.start();
  dispatcher.start();
  const { port } = server.address() as AddressInfo;
  return {
    h,
    simulator,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await simulator.stop();
      await dispatcher?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function post(desk: Desk, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${desk.base}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

const entryOf = (event: { data: string }) => JSON.parse(event.data) as TranscriptEntry;
const isEntry =
  (match: (entry: TranscriptEntry) => boolean) => (event: { event: string; data: string }) =>
    event.event === 'entry' && match(entryOf(event));

describe('simulator channel', () => {
  let h: DeskHarness;
  let desk: Desk;
  let events: EventStreamClient;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
    desk = await startDesk(h);
    events = await openEventStream(`${desk.base}/simulator/events`);
  });
  afterAll(async () => {
    events?.close();
    await desk?.close();
    await h?.close();
  });

  /** Posts one message from the resident's phone and waits for the desk's reply with this text. */
  async function residentSays(fields: Record<string, unknown>, replyKey: Key) {
    const response = await post(desk, { messageId: randomUUID(), phone: 'resident', ...fields });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'handled' });
    const reply = await events.next(
      isEntry((e) => e.phone === 'resident' && e.from === 'desk' && e.text === say(replyKey)),
    );
    return entryOf(reply);
  }

  describe('POST /simulator/messages', () => {
    it('reaches the main menu through the runtime, the outbox and deliver()', async () => {
      const opened = await events.next((e) => e.event === 'transcript');
      expect(JSON.parse(opened.data)).toEqual({ resident: [], staff: [] });

      const language = await residentSays({ text: 'halo' }, 'entry.askLanguage');
      // Numbered like every option: pressing it or typing "1" is the same choice.
      const indonesian = language.options.find((o) => o.label === `1. ${say('entry.language.id')}`);
      expect(indonesian).toBeDefined();
      const consent = await residentSays(
        { optionId: indonesian?.id, optionLabel: indonesian?.label },
        'entry.askConsent',
      );
      const agree = consent.options.find((o) => o.id === 'agree');
      const menu = await residentSays(
        { optionId: agree?.id, optionLabel: agree?.label },
        'menu.choose',
      );

      expect(menu.options.map((o) => o.label)).toContain(`1. ${say('menu.help')}`);
      const mine = events.seen
        .filter((e) => 'event' in e && e.event === 'entry')
        .map((e) => entryOf(e as { data: string }))
        .filter((e) => e.from === 'user')
        .map((e) => e.text);
      expect(mine).toEqual([
        'halo',
        `1. ${say('entry.language.id')}`,
        `1. ${say('entry.consent.agree')}`,
      ]);
      const sent = await h.db.prisma.outbox.findMany({
        where: { channel: 'simulator', chatKey: 'sim-resident' },
      });
      expect(sent.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
      expect(sent.at(-1)?.platformMessageId).toBe(menu.id);
    });

    it('starts a new page (a reload, a second tab) with the whole conversation so far', async () => {
      const tab = await openEventStream(`${desk.base}/simulator/events`);
      try {
        const first = await tab.next((e) => e.event === 'transcript');
        const transcript = JSON.parse(first.data) as Record<string, TranscriptEntry[]>;
        expect(transcript.resident?.map((e) => [e.from, e.text])).toEqual([
          ['user', 'halo'],
          ['desk', say('entry.askLanguage')],
          ['user', `1. ${say('entry.language.id')}`],
          ['desk', say('entry.askConsent')],
          ['user', `1. ${say('entry.consent.agree')}`],
          ['desk', say('menu.choose')],
        ]);
        expect(transcript.staff).toEqual([]);
      } finally {
        tab.close();
      }
    });

    it("after a restart, shows the desk's replies so far and that the conversation continues", async () => {
      // A new channel on the same database, as a restarted desk has.
      const restarted = createSimulatorChannel({
        gateway: new InboundGateway({
          runtime: h.runtime,
          prisma: h.db.prisma,
          attachments: h.attachments,
          logger,
        }),
        logger,
        clock: () => h.clock.now,
        history: outboxHistory(h.db.prisma, testCipher()),
      });
      await restarted.start();
      const server = createHttpServer({ logger, routes: { ...restarted.routes } });
      await listen(server, 0, '127.0.0.1');
      const { port } = server.address() as AddressInfo;
      const tab = await openEventStream(`http://127.0.0.1:${port}/simulator/events`);
      try {
        const first = await tab.next((e) => e.event === 'transcript');
        const transcript = JSON.parse(first.data) as Record<string, TranscriptEntry[]>;
        // What the phone typed is not stored; the desk's words and choices are, as delivered.
        expect(transcript.resident?.map((e) => [e.from, e.text])).toEqual([
          ['desk', say('entry.askLanguage')],
          ['desk', say('entry.askConsent')],
          ['desk', say('menu.choose')],
          ['note', ''],
        ]);
        expect(transcript.resident?.[2]?.options.map((o) => o.label)).toContain(
          `1. ${say('menu.help')}`,
        );
        // A phone the desk never wrote to stays empty, without a note.
        expect(transcript.staff).toEqual([]);
      } finally {
        tab.close();
        await restarted.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('handles a retried message once: one entry, one reply', async () => {
      const body = { messageId: randomUUID(), phone: 'staff', text: 'halo' };
      const first = await post(desk, body);
      const retry = await post(desk, body);

      expect(await first.json()).toEqual({ status: 'handled' });
      expect(await retry.json()).toEqual({ status: 'duplicate' });
      await events.next(isEntry((e) => e.phone === 'staff' && e.from === 'desk'));
      // Give the dispatcher several passes to send a second reply, if there were one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const tab = await openEventStream(`${desk.base}/simulator/events`);
      const staff = JSON.parse((await tab.next((e) => e.event === 'transcript')).data).staff;
      tab.close();
      expect(staff.map((e: TranscriptEntry) => [e.from, e.text])).toEqual([
        ['user', 'halo'],
        ['desk', say('entry.askLanguage')],
      ]);
    });

    it('keeps a photo as an attachment and shows it on the phone', async () => {
      const before = await h.db.prisma.attachment.count();
      const response = await post(desk, {
        messageId: randomUUID(),
        phone: 'resident',
        file: { name: 'ktp.png', mimeType: 'image/png', sizeBytes: 70, dataBase64: PNG_1PX },
      });

      expect(response.status).toBe(200);
      expect(await h.db.prisma.attachment.count()).toBe(before + 1);
      const shown = await events.next(isEntry((e) => e.attachment?.name === 'ktp.png'));
      expect(entryOf(shown)).toMatchObject({ from: 'user', attachment: { kind: 'photo' } });
    });

    it.each([
      ['a file larger than the desk takes', 'image/jpeg', 50 * 1024 * 1024, 'input.fileTooLarge'],
      ['a file type the desk does not take', 'text/plain', 12, 'input.fileType'],
    ] as const)('answers %s with its catalogued reason', async (_case, mimeType, size, key) => {
      const before = await h.db.prisma.attachment.count();
      const file =
        mimeType === 'text/plain'
          ? { name: 'catatan.txt', mimeType, sizeBytes: size, dataBase64: 'aGFsbyBkdW5pYQ==' }
          : { name: 'scan.jpg', mimeType, sizeBytes: size };

      await residentSays({ file }, key);

      expect(await h.db.prisma.attachment.count()).toBe(before);
    });

    it('passes an example location on as a location message', async () => {
      const location = { latitude: -7.0252, longitude: 107.5187 };
      const response = await post(desk, { messageId: randomUUID(), phone: 'resident', location });

      expect(await response.json()).toEqual({ status: 'handled' });
      const shown = await events.next(isEntry((e) => e.location !== undefined));
      expect(entryOf(shown)).toMatchObject({ from: 'user', location });
    });

    it('keeps a typed <script> as plain text', async () => {
      const text = '<script>alert("x")</script>';
      await post(desk, { messageId: randomUUID(), phone: 'staff', text });

      const shown = await events.next(isEntry((e) => e.from === 'user' && e.text === text));
      expect(entryOf(shown).text).toBe(text);
    });
  });

  describe('refusals', () => {
    it('answers a body that is not JSON with 400 and an example of what to send', async () => {
      const response = await post(desk, '{"phone": "resident", text: halo');

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: expect.stringMatching(/not valid JSON.*e\.g\./),
      });
    });

    it.each([
      ['an unknown phone', { phone: 'camat', text: 'halo' }, /phone/],
      ['no message id', { phone: 'resident', text: 'halo', messageId: undefined }, /messageId/],
      ['nothing to say', { phone: 'resident', text: '   ' }, /text, an optionId/],
      [
        'a latitude off the globe',
        { phone: 'resident', location: { latitude: 91, longitude: 0 } },
        /location\.latitude/,
      ],
      [
        'a file without its data',
        { phone: 'resident', file: { name: 'a.png', mimeType: 'image/png', sizeBytes: 70 } },
        /dataBase64/,
      ],
    ])('answers %s with 400 naming the field', async (_case, fields, field) => {
      const response = await post(desk, { messageId: randomUUID(), ...fields });

      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatch(field);
    });

    it('answers a form post (no JSON content type) with 415', async () => {
      const response = await post(desk, 'phone=resident&text=halo', {
        'content-type': 'application/x-www-form-urlencoded',
      });

      expect(response.status).toBe(415);
      await response.body?.cancel();
    });

    it('answers a body over the limit with 413', async () => {
      const huge = JSON.stringify({
        messageId: randomUUID(),
        phone: 'resident',
        file: {
          name: 'a.pdf',
          mimeType: 'application/pdf',
          sizeBytes: 1,
          dataBase64: 'A'.repeat(MAX_BODY_BYTES),
        },
      });
      const response = await post(desk, huge);

      expect(response.status).toBe(413);
      expect(await errorOf(response)).toMatch(/too large/);
    });

    it('refuses for good a delivery to a chat that is not one of its phones', async () => {
      await expect(
        desk.simulator.deliver('sim-somebody', { text: 'halo', options: [] }),
      ).rejects.toMatchObject({ name: 'DeliveryError', options: { permanent: true } });
    });
  });

  describe('page', () => {
    const CSP = "default-src 'self'";
    const ASSETS = ['/', '/simulator/app.js', '/simulator/phone.js', '/simulator/app.css'];

    it.each(ASSETS)('serves %s with the content security policy', async (path) => {
      const response = await fetch(`${desk.base}${path}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await response.text();
      // No CDN, no web font, no analytics: every URL is a path on the desk itself.
      expect(body.match(/(?:https?:)?\/\/[a-z0-9-]+\.[a-z0-9.-]+/gi) ?? []).toEqual([]);
    });

    it('fills the page texts in Bahasa Indonesia, with no inline script', async () => {
      const html = await (await fetch(`${desk.base}/`)).text();

      expect(html).toContain('<html lang="id">');
      expect(html).toContain(`<h1 data-text="simulator.heading">${say('simulator.heading')}</h1>`);
      expect(html).not.toMatch(/\{\{/);
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts).toEqual(['<script type="module" src="/simulator/app.js">']);
    });

    it('serves the page and its texts in Sundanese and English on request', async () => {
      const html = await (await fetch(`${desk.base}/?lang=en`)).text();
      const texts = (await (
        await fetch(`${desk.base}/simulator/texts?locale=su`)
      ).json()) as Record<string, string>;

      expect(html).toContain('<html lang="en">');
      expect(html).toContain(t('en', 'simulator.note'));
      expect(texts['simulator.send']).toBe(t('su', 'simulator.send'));
    });

    it('never puts message text into HTML in its scripts', async () => {
      for (const path of ['/simulator/app.js', '/simulator/phone.js']) {
        const js = await (await fetch(`${desk.base}${path}`)).text();
        expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      }
    });
  });
});

describe('simulator event stream', () => {
  let h: DeskHarness;
  let desk: Desk;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
    desk = await startDesk(h, 50);
  });
  afterAll(async () => {
    await desk?.close();
    await h?.close();
  });

  it('sends a heartbeat comment while idle and ends when the channel stops', async () => {
    const stream = await openEventStream(`${desk.base}/simulator/events`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(stream.seen).toContainEqual({ comment: ': heartbeat' });
    await desk.simulator.stop();
    await expect(stream.ended).resolves.toBeUndefined();
  });
});

describe('simulator example staff invite', () => {
  let h: DeskHarness;
  let desk: Desk;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
    desk = await startDesk(h);
  });
  afterAll(async () => {
    await desk?.close();
    await h?.close();
  });

  it('gives no invite on a desk that does not offer them, and creates no staff', async () => {
    const response = await fetch(`${desk.base}/simulator/staff-invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await h.db.prisma.invite.count()).toBe(0);
  });
});
