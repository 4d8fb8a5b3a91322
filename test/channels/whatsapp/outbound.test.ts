import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT,
  renderOutbound,
  splitText,
} from '../../../src/channels/whatsapp/render-outbound.ts';
import { SendQueue } from '../../../src/channels/whatsapp/send-queue.ts';
import { t } from '../../../src/i18n/translate.ts';
import { numberOptions } from '../../../src/runtime/messages.ts';

const hint = t('id', 'channel.optionsHint');

describe('renderOutbound', () => {
  it('sends a text without options as it is', () => {
    expect(renderOutbound({ text: 'Terima kasih.', options: [] }, hint)).toEqual(['Terima kasih.']);
  });

  it('lists the numbered options under the text, each number once, and says to reply with the number', () => {
    const rendered = renderOutbound(
      numberOptions({
        text: 'Apakah Anda setuju?',
        options: [
          { id: 'agree', label: 'Setuju' },
          { id: 'decline', label: 'Tidak setuju' },
        ],
      }),
      hint,
    );
    expect(rendered).toEqual([`Apakah Anda setuju?\n\n1. Setuju\n2. Tidak setuju\n\n_${hint}_`]);
  });

  it("lists a staff message's command options without the number hint: they are typed as commands", () => {
    const rendered = renderOutbound(
      {
        text: 'Tiket baru PB-7K4M2Q',
        options: [
          { id: '/tiket PB-7K4M2Q', label: 'Lihat: /tiket PB-7K4M2Q' },
          { id: '/ambil PB-7K4M2Q', label: 'Ambil: /ambil PB-7K4M2Q' },
        ],
      },
      hint,
    );
    expect(rendered).toEqual([
      'Tiket baru PB-7K4M2Q\n\nLihat: /tiket PB-7K4M2Q\nAmbil: /ambil PB-7K4M2Q',
    ]);
  });

  it('splits a text longer than WhatsApp shows unfolded at line breaks, options on the last part', () => {
    const paragraph = `${'Persyaratan dokumen. '.repeat(40).trim()}\n`;
    const text = paragraph.repeat(12);
    const parts = renderOutbound(
      numberOptions({ text, options: [{ id: 'ok', label: 'Mengerti' }] }),
      hint,
    );
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(parts.at(-1)).toMatch(/1\. Mengerti\n\n_.+_$/);
    expect(parts.join('\n').replace(/\s+/g, ' ')).toContain(
      text.slice(0, 500).replace(/\s+/g, ' '),
    );
  });

  it('cuts a text without spaces hard at the limit', () => {
    expect(splitText('x'.repeat(9000), MAX_TEXT).map((p) => p.length)).toEqual([4000, 4000, 1000]);
  });
});

describe('SendQueue', () => {
  it('sends one at a time, in order, with at least the gap between sends', async () => {
    const queue = new SendQueue({ minGapMs: 40, jitterMs: { min: 10, max: 30 } });
    const started: number[] = [];
    const order: number[] = [];
    const sends = [1, 2, 3, 4].map((n) =>
      queue.run(async () => {
        started.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(n);
        return n;
      }),
    );
    expect(await Promise.all(sends)).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    const gaps = started.slice(1).map((at, i) => at - (started[i] as number));
    // each gap: the 5 ms send + at least 40 ms + 10 ms of jitter (timers may fire a little early)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(53);
  });

  it('draws the jitter anew for every message', async () => {
    const draws = [0, 1, 0.25];
    let calls = 0;
    const random = () => {
      calls += 1;
      return draws.shift() ?? 0;
    };
    const queue = new SendQueue({ minGapMs: 0, jitterMs: { min: 0, max: 80 } }, random);
    const started: number[] = [];
    await Promise.all([1, 2, 3].map(() => queue.run(async () => started.push(performance.now()))));
    const gaps = started.slice(1).map((at, i) => at - (started[i] as number));
    expect(calls).toBe(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(78);
    expect(gaps[1]).toBeGreaterThanOrEqual(18);
  });

  it('keeps going after a failed send', async () => {
    const queue = new SendQueue({ minGapMs: 0, jitterMs: { min: 0, max: 0 } });
    const failed = queue.run(async () => {
      throw new Error('Connection Closed');
    });
    await expect(failed).rejects.toThrow('Connection Closed');
    await expect(queue.run(async () => 'sent')).resolves.toBe('sent');
  });

  it('fails what is still waiting, at once, when closed', async () => {
    const queue = new SendQueue({ minGapMs: 10_000, jitterMs: { min: 0, max: 0 } });
    await queue.run(async () => 'first');
    const waiting = queue.run(async () => 'second');
    const started = performance.now();
    queue.close(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
