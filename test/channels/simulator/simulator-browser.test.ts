/**
 * The simulator as a trainer uses it: the real `npm start` process (src/main.ts
 * → src/app.ts wiring, no tokens, so the simulator is on) driven by headless
 * Chromium. A phone-sized window, the keyboard for some steps and the option
 * buttons for others.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Key, t } from '../../../src/i18n/translate.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.ts';
import { rawQuery } from '../../support/raw-sql.ts';
import { childEnv, finished, type ProcessResult, startNode } from '../../support/run-process.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;
const NEED = 'Ibu saya sakit paru-paru,\nbutuh bantuan biaya berobat ke RSUD.';
const NAME = 'Siti Aminah';
/**
 * A valid NIK and KK of Kecamatan Cileunyi (32.04.05), built like the flow
 * tests' person(): a woman born 5 December 1990, serial 0001. The database is
 * new for every run, so the duplicate-request rule never bites.
 */
const NIK = '3204054512900001';
const KK = '3204051234560001';
/** The smallest PNG there is, standing in for a photo of a KTP. */
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const status = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the desk did not become healthy:\n${output()}`);
}

/** Presses Tab until a button with this text has the focus: how a keyboard user picks a choice. */
async function tabTo(page: Page, label: string) {
  for (let presses = 0; presses < 15; presses += 1) {
    if ((await focusedText(page)) === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${label}" never got the focus`);
}

/** True when the element is wholly inside the window as the page is now scrolled. */
async function inViewport(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x + box.width <= viewport.width
  );
}

// Strings, not functions: the test is compiled without the DOM library.
const focusedText = (page: Page) =>
  page.evaluate<string | undefined>('document.activeElement?.textContent');
const focusedTag = (page: Page) =>
  page.evaluate<string | undefined>('document.activeElement?.tagName');

describe('simulator in the browser, on the desk started as npm start does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-simulator-'));
  const databaseUrl = `file:${join(dir, 'slrt.db')}`;
  let desk: ChildProcess;
  let exit: Promise<ProcessResult>;
  let base: string;
  let context: BrowserContext;
  let output = '';

  let port: number;

  /** Starts `node --import tsx src/main.ts` as `npm start` does: no tokens, so the simulator is on. */
  function launchDesk(): Promise<void> {
    desk = startNode(
      'src/main.ts',
      [],
      childEnv({
        DATABASE_URL: databaseUrl,
        ATTACHMENTS_DIR: join(dir, 'attachments'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      }),
    );
    exit = finished(desk);
    // finished() has set both streams to utf8; kept to explain a desk that fails to start or stop.
    for (const stream of [desk.stdout, desk.stderr]) {
      stream?.on('data', (chunk: string) => {
        output += chunk;
      });
    }
    return waitForHealth(base, desk, () => output);
  }

  /** SIGTERM, and the exit it led to (or why there was none within 5 s). */
  async function stopDesk(): Promise<ProcessResult | string> {
    desk.kill('SIGTERM');
    return Promise.race([
      exit,
      new Promise<string>((resolve) => setTimeout(resolve, 5_000, 'still running after 5 s')),
    ]);
  }

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const [browserContext] = await Promise.all([
      chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        viewport: { width: 390, height: 844 },
      }),
      launchDesk(),
    ]);
    context = browserContext;
  });

  afterAll(async () => {
    await context?.close();
    // Normally the last test has stopped it; after a failure it must not outlive the run.
    if (desk && desk.exitCode === null && desk.signalCode === null) {
      desk.kill('SIGKILL');
      await exit;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('files a help request from the resident phone and shows its PB- code', {
    timeout: 60_000,
  }, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(base);
    const resident = page.locator('[data-phone="resident"]');
    const box = resident.getByRole('textbox');
    const lastDesk = resident.locator('.from-desk .text').last();
    const expectDesk = (key: Key, params?: Record<string, string | number>) =>
      expect.poll(() => lastDesk.textContent()).toBe(say(key, params));

    await expect.poll(() => page.locator('.connection').getAttribute('data-state')).toBe('open');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await resident.locator('.empty').isVisible()).toBe(true);
    // On a 390×844 phone the resident's message box shows without scrolling.
    expect(await inViewport(page, box)).toBe(true);
    // The language switch says it changes the page only, and where the bot's language is chosen.
    expect(await page.locator('.language-note').textContent()).toBe(
      say('simulator.languageNote', { menuLanguage: say('menu.language') }),
    );

    // The trainer makes the staff phone a petugas of Cileunyi Kulon with an example invite.
    const staff = page.locator('[data-phone="staff"]');
    await staff.getByRole('button', { name: say('simulator.staffInvite') }).click();
    const staffText = staff.getByRole('textbox');
    await expect.poll(() => staffText.inputValue()).toMatch(/^\/masuk [0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await staffText.press('Enter');
    const lastStaffDesk = staff.locator('.from-desk .text').last();
    await expect
      .poll(() => lastStaffDesk.textContent())
      .toBe(
        say('staff.join.ok', {
          role: 'petugas',
          unit: 'Puskesos Desa Cileunyi Kulon',
          partner: '',
        }),
      );

    // Keyboard: Enter sends what was typed.
    await box.focus();
    await page.keyboard.type('halo');
    await page.keyboard.press('Enter');
    await expectDesk('entry.askLanguage');
    // Mouse: a choice under the last message.
    await resident.getByRole('button', { name: say('entry.language.id') }).click();
    await expectDesk('entry.askConsent');
    // After a choice, the next choices have the focus: Enter picks the first.
    await expect.poll(() => focusedText(page)).toBe(`1. ${say('entry.consent.agree')}`);
    await page.keyboard.press('Enter');
    await expectDesk('menu.choose');
    await expect.poll(() => focusedText(page)).toBe(`1. ${say('menu.help')}`);
    await page.keyboard.press('Enter');
    await expectDesk('helpRequest.category.ask');
    await tabTo(page, '1. Kesehatan');
    await page.keyboard.press('Enter');
    await expectDesk('helpRequest.need.ask', { categoryName: 'Kesehatan' });

    // A free-text step: the focus waits in the text box; Shift+Enter keeps the line break.
    await expect.poll(() => focusedTag(page)).toBe('TEXTAREA');
    const [first, second] = NEED.split('\n');
    await page.keyboard.type(first as string);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(second as string);
    await page.keyboard.press('Enter');
    await expectDesk('helpRequest.name.ask');
    await expect.poll(() => resident.locator('.from-user .text').last().textContent()).toBe(NEED);
    for (const [typed, next] of [
      [NAME, 'helpRequest.nik.ask'],
      [NIK, 'helpRequest.kk.ask'],
      [KK, 'helpRequest.kecamatan.ask'],
    ] as const) {
      await box.fill(typed);
      await box.press('Enter');
      await expectDesk(next);
    }

    await resident.getByRole('button', { name: say('simulator.location') }).click();
    const noted = resident
      .locator('.from-desk .text')
      .filter({ hasText: say('helpRequest.location.noted') });
    await expect.poll(() => noted.count()).toBe(1);
    await box.fill('cileunyi');
    await box.press('Enter');
    await expectDesk('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' });
    await resident.getByRole('button', { name: 'Cileunyi Kulon' }).click();
    await expect.poll(() => lastDesk.textContent()).toContain('SKTM');

    const chooser = page.waitForEvent('filechooser');
    await resident.getByRole('button', { name: say('simulator.attach') }).click();
    await (await chooser).setFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: PNG_1PX });
    await expect
      .poll(() => resident.locator('.from-user .text').last().textContent())
      .toBe(say('simulator.entry.photo', { name: 'ktp.png' }));
    await expect
      .poll(() => resident.locator('.from-desk .text').allTextContents())
      .toContain(say('helpRequest.documents.received', { photoCount: 1 }));
    await resident.getByRole('button', { name: say('helpRequest.documents.done') }).click();
    await expect
      .poll(() => lastDesk.textContent())
      .toContain(say('helpRequest.summary').slice(0, 30));
    await expect.poll(() => focusedText(page)).toBe(`1. ${say('helpRequest.confirm.send')}`);
    await page.keyboard.press('Enter');

    const created = resident.locator('.from-desk .text').filter({ hasText: CODE });
    await expect.poll(() => created.count()).toBe(1);
    const code = CODE.exec((await created.textContent()) ?? '')?.[0];
    const [ticket] = await rawQuery<{ channel: string; photos: number; latitude: number }>(
      databaseUrl,
      'SELECT channel, latitude, (SELECT COUNT(*) FROM "Attachment" a WHERE a."ticketId" = t.id) AS photos FROM "Ticket" t WHERE code = ?',
      [code],
    );
    expect(ticket).toEqual({ channel: 'simulator', photos: 1, latitude: -7.0252 });
    // The staff phone hears about it at once, with its Lihat and Ambil buttons.
    await expect.poll(() => lastStaffDesk.textContent()).toContain(`Tiket baru ${code}`);
    await staff.getByRole('button', { name: `Ambil: /ambil ${code}` }).click();
    await expect
      .poll(() => lastStaffDesk.textContent())
      .toBe(say('staff.claim.ok', { code: code ?? '' }));

    // A phone-sized window stacks the phones, the resident's first.
    const [residentBox, staffBox] = await Promise.all(
      ['resident', 'staff'].map((name) => page.locator(`[data-phone="${name}"]`).boundingBox()),
    );
    expect(residentBox?.width).toBeGreaterThan(360);
    expect(staffBox?.y).toBeGreaterThan((residentBox?.y ?? 0) + (residentBox?.height ?? 0));
    await created.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/simulator.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has a staff phone that talks to the desk on its own, seen live in a second tab', async () => {
    // The first test made this phone a petugas: plain text gets the staff desk's pointer to /bantuan.
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(base);
    const other = await context.newPage();
    await other.goto(base);
    const resident = page.locator('[data-phone="resident"]');
    const staff = page.locator('[data-phone="staff"]');
    // A desktop window shows the two phones side by side.
    const [residentBox, staffBox] = await Promise.all([
      resident.boundingBox(),
      staff.boundingBox(),
    ]);
    expect(staffBox?.y).toBe(residentBox?.y);
    expect(staffBox?.x).toBeGreaterThan((residentBox?.x ?? 0) + (residentBox?.width ?? 0));
    // Both message boxes fit the window, the header above them included.
    for (const phone of [resident, staff]) {
      expect(await inViewport(page, phone.getByRole('textbox'))).toBe(true);
    }
    // A page opened later shows the whole conversation so far, ticket code included.
    await expect
      .poll(() => resident.locator('.from-desk .text').filter({ hasText: CODE }).count())
      .toBe(1);
    const residentBefore = await resident.locator('.bubble').count();

    await expect
      .poll(() => staff.getByRole('heading', { level: 2 }).textContent())
      .toBe(say('simulator.staff'));
    const typed = '<img src=x onerror="document.title=1">';
    await staff.getByRole('textbox').fill(typed);
    await staff.getByRole('button', { name: say('simulator.send'), exact: true }).click();

    for (const tab of [page, other]) {
      const phone = tab.locator('[data-phone="staff"]');
      await expect
        .poll(() => phone.locator('.from-desk .text').last().textContent())
        .toBe(say('staff.notCommand'));
      // Shown as the characters typed, never run as HTML.
      expect((await phone.locator('.from-user .text').allTextContents()).at(-1)).toBe(typed);
      expect(await phone.locator('img').count()).toBe(0);
      expect(await tab.title()).toBe(say('simulator.title'));
    }
    expect(await resident.locator('.bubble').count()).toBe(residentBefore);

    // The other tab opened last is in front; a background tab barely paints.
    await page.bringToFront();
    await page
      .getByRole('group', { name: say('simulator.languageLabel') })
      .getByRole('button', { name: 'English' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(t('en', 'simulator.heading'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The switch is the page's: the note next to it says so in the page's new language.
    const languageNote = page.locator('.language-note');
    expect(await languageNote.isVisible()).toBe(true);
    expect(await languageNote.textContent()).toBe(
      t('en', 'simulator.languageNote', { menuLanguage: say('menu.language') }),
    );
    await page.screenshot({ path: '/tmp/simulator-desktop.png' });
    // The page chrome changes language; what the desk said stays as it was said.
    expect(await staff.locator('.from-desk .text').last().textContent()).toBe(
      say('staff.notCommand'),
    );
    await Promise.all([page.close(), other.close()]);
  });

  it("reads a newcomer's own words, always offers the way back and shows staff real codes", {
    timeout: 45_000,
  }, async () => {
    const page = await context.newPage();
    await page.goto(base);
    await expect.poll(() => page.locator('.connection').getAttribute('data-state')).toBe('open');
    const resident = page.locator('[data-phone="resident"]');
    const staff = page.locator('[data-phone="staff"]');
    const lastDesk = resident.locator('.from-desk .text').last();
    const write = async (phone: Locator, text: string) => {
      await phone.getByRole('textbox').fill(text);
      await phone.getByRole('textbox').press('Enter');
    };
    const code = CODE.exec(
      (await resident
        .locator('.from-desk .text')
        .filter({ hasText: CODE })
        .first()
        .textContent()) ?? '',
    )?.[0] as string;

    // "bantuan beras" means aid with rice: the help request starts with the service guessed.
    await write(resident, 'menu');
    await expect.poll(() => lastDesk.textContent()).toBe(say('menu.choose'));
    await write(resident, 'saya butuh bantuan beras');
    await expect
      .poll(() => lastDesk.textContent())
      .toBe(say('helpRequest.need.ask', { categoryName: 'Bantuan sosial' }));

    // A code that does not exist is a dead end no more: a numbered "Menu utama" leads back.
    await write(resident, 'menu');
    await write(resident, 'cek status');
    await expect.poll(() => lastDesk.textContent()).toBe(say('status.askCode'));
    await write(resident, 'PB-ZZZZZZ');
    // The question was already the last reply: wait for the refusal, then the question again.
    const notFound = resident
      .locator('.from-desk .text')
      .filter({ hasText: say('status.notFound', { code: 'PB-ZZZZZZ' }) });
    await expect.poll(() => notFound.count()).toBe(1);
    await expect.poll(() => lastDesk.textContent()).toBe(say('status.askCode'));
    await resident
      .getByRole('button', { name: new RegExp(`^\\d+\\. ${say('common.menu')}$`) })
      .click();
    await expect.poll(() => lastDesk.textContent()).toBe(say('menu.choose'));

    // Privasi keeps the consent text's promise: the resident sees what is stored, masked.
    await resident
      .getByRole('button', { name: new RegExp(`^\\d+\\. ${say('menu.privacy')}$`) })
      .click();
    await resident
      .getByRole('button', { name: new RegExp(`^\\d+\\. ${say('menu.privacy.view')}$`) })
      .click();
    // The masked card, then the Privasi question again.
    const card = resident
      .locator('.from-desk .text')
      .filter({ hasText: '3204********0001' })
      .filter({ hasText: code });
    await expect.poll(() => card.count()).toBe(1);
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('3204********0001');
    expect(shown).not.toContain(NIK);
    expect(shown).not.toContain(NAME);

    // Staff: /bantuan's examples use this desk's real ticket, and /antrian lines open it.
    const lastStaff = staff.locator('.from-desk .text').last();
    await write(staff, '/bantuan');
    await expect.poll(() => lastStaff.textContent()).toContain(`/tiket ${code}`);
    await write(staff, '/antrian');
    await staff
      .getByRole('button', { name: `${say('staff.announce.view')}: /tiket ${code}` })
      .click();
    // The history names the resident as Warga and gives the time of day.
    await expect.poll(() => lastStaff.textContent()).toMatch(/\b\d{2}[:.]\d{2}\b.*Warga/s);
    await page.close();
  });

  it('stops within 5 s of SIGTERM with a page open, which reconnects when the desk is back', {
    timeout: 45_000,
  }, async () => {
    const page = await context.newPage();
    await page.goto(base);
    const connection = page.locator('.connection');
    await expect.poll(() => connection.getAttribute('data-state')).toBe('open');
    // The resident is halfway through something when the desk goes down: at the menu's question.
    const resident = page.locator('[data-phone="resident"]');
    const deskTexts = resident.locator('.from-desk .text');
    const shownBefore = await deskTexts.count();
    await resident.getByRole('textbox').fill('menu');
    await resident.getByRole('textbox').press('Enter');
    // The menu may already be the last reply (after the filing above): wait for the new one.
    await expect.poll(() => deskTexts.count()).toBe(shownBefore + 1);
    await expect.poll(() => deskTexts.last().textContent()).toBe(say('menu.choose'));
    const repliesBefore = await deskTexts.allTextContents();

    const stoppedAt = Date.now();
    const stopped = await stopDesk();

    expect(stopped, output).toMatchObject({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    await expect.poll(() => connection.getAttribute('data-state')).toBe('lost');
    expect(await connection.textContent()).toContain(say('simulator.disconnected'));

    await launchDesk();
    await expect
      .poll(() => connection.getAttribute('data-state'), { timeout: 10_000 })
      .toBe('open');
    expect(await connection.textContent()).toContain(say('simulator.connected'));

    // The new desk shows its last replies again (what the phone typed is not kept), then a
    // line saying the conversation continues, instead of an empty phone.
    await expect
      .poll(() => resident.locator('.note-line').textContent())
      .toBe(say('simulator.continues'));
    expect(await resident.locator('.empty').isVisible()).toBe(false);
    expect(await deskTexts.allTextContents()).toEqual(repliesBefore.slice(-30));
    expect(await resident.locator('.from-user').count()).toBe(0);
    // The question is still open: its choices answer the new desk.
    await resident.getByRole('button', { name: say('menu.help') }).click();
    await expect.poll(() => deskTexts.last().textContent()).toBe(say('helpRequest.category.ask'));
    await page.close();
    expect(await stopDesk(), output).toMatchObject({ code: 0, signal: null });
    // Piped, not a terminal: JSON lines, the last one saying everything closed.
    const lastLine = JSON.parse(output.trim().split('\n').at(-1) ?? '') as { msg: string };
    expect(lastLine.msg, output.slice(-4000)).toBe('stopped');
  });
});
