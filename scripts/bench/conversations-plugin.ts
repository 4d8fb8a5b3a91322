/**
 * The comparison point for the turn benchmark (issue 12): the resident's help
 * request and status check written the way a grammY bot would write them with
 * @grammyjs/conversations 2.1.1, its state on better-sqlite3, fed through
 * `bot.handleUpdate` without network.
 *
 * Same turns as the desk's flow: 'halo' → language → consent → menu → help →
 * category → need → name → NIK → KK → kecamatan → desa → 'selesai' → 'Ya,
 * kirim' (13), then status → code (2). Same texts (the desk's catalogue), the
 * same NIK/KK validation and tracking codes (src/core), a duplicate check on
 * the tickets table, and the ticket and the status answer from SQLite.
 *
 * Durability: one SQLite file in WAL mode with `synchronous = FULL`, so every
 * committed write (conversation state, consent, ticket) is fsynced before the
 * turn goes on, and a restarted process resumes each chat where it stopped
 * (the self-check below proves it). The plugin keeps no state in memory.
 * Each write commits on its own, as the plugin's storage interface allows:
 * a crash between the ticket insert and the state write would file the
 * ticket twice when the resident sends 'Ya, kirim' again.
 *
 * The menu sits outside the conversations (a message with no conversation
 * active is a first contact or a menu choice), one conversation per task:
 * the plugin replays a conversation's whole log on every update, so one
 * conversation for the whole visit would cost more with each turn.
 *
 * Why a fake `fetch` rather than an API transformer on `bot.api`: inside a
 * conversation the plugin builds a fresh `Api` from the token and the client
 * options, so transformers on `bot.api` never see those calls, and one
 * installed through the conversation's plugins would sit outside the plugin's
 * replay recorder and be called again on every replay. The client's `fetch`
 * option is the innermost layer both share.
 *
 * Run: npx tsx scripts/bench/conversations-plugin.ts [residents]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Conversation,
  type ConversationData,
  type ConversationFlavor,
  conversations,
  createConversation,
  type VersionedState,
  type VersionedStateStorage,
} from '@grammyjs/conversations';
import Database from 'better-sqlite3';
import { Bot, type Context } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { maskNik, validateKk, validateNik } from '../../src/core/nik.ts';
import { drawUniqueTrackingCode, parseTrackingCode } from '../../src/core/tracking-code.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, LOCALES, type Locale, t } from '../../src/i18n/translate.ts';

type OuterContext = ConversationFlavor<Context>;
type ResidentConversation = Conversation<OuterContext, Context>;
type Db = Database.Database;

// ---------------------------------------------------------------------------
// SQLite: the plugin's state, consent and tickets in one file.

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS conversation_state (key TEXT PRIMARY KEY, state TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS residents (
    chat_id INTEGER PRIMARY KEY, locale TEXT NOT NULL, consented INTEGER NOT NULL,
    answered_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS tickets (
    code TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, status TEXT NOT NULL,
    service_code TEXT NOT NULL, need TEXT NOT NULL, name TEXT NOT NULL, nik TEXT NOT NULL,
    kk TEXT NOT NULL, kecamatan TEXT NOT NULL, desa TEXT NOT NULL, unit_name TEXT NOT NULL,
    photo_count INTEGER NOT NULL, due_at TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS tickets_nik ON tickets (nik, service_code);
  CREATE INDEX IF NOT EXISTS tickets_kk ON tickets (kk, service_code);
`;

function openDeskFile(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  return db;
}

/** The plugin's storage interface over prepared statements, keyed per chat. */
function sqliteConversationStorage(db: Db): VersionedStateStorage<string, ConversationData> {
  const select = db.prepare<[string], string>('SELECT state FROM conversation_state WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO conversation_state (key, state) VALUES (?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET state = excluded.state',
  );
  const remove = db.prepare<[string]>('DELETE FROM conversation_state WHERE key = ?');
  const readState = select.pluck();
  return {
    read: (key) => {
      const stored = readState.get(key);
      return stored === undefined
        ? undefined
        : (JSON.parse(stored) as VersionedState<ConversationData>);
    },
    write: (key, state) => {
      upsert.run(key, JSON.stringify(state));
    },
    delete: (key) => {
      remove.run(key);
    },
  };
}

interface Resident {
  locale: Locale;
  consented: boolean;
}

interface TicketDraft {
  serviceCode: string;
  categoryName: string;
  need: string;
  name: string;
  nik: string;
  kk: string;
  kecamatan: string;
  desa: string;
  photoCount: number;
}

interface TicketCard {
  code: string;
  status: string;
  unitName: string;
  dueAt: string;
  createdAt: string;
}

/** What the flow reads and writes, as prepared statements made once. */
function deskStore(db: Db) {
  const residentOf = db
    .prepare<[number], { locale: string; consented: number }>(
      'SELECT locale, consented FROM residents WHERE chat_id = ?',
    )
    .raw(false);
  const recordConsent = db.prepare<[number, string, number, string]>(
    'INSERT INTO residents (chat_id, locale, consented, answered_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (chat_id) DO UPDATE SET locale = excluded.locale, ' +
      'consented = excluded.consented, answered_at = excluded.answered_at',
  );
  const openDuplicate = db
    .prepare<[string, string, string, string], string>(
      "SELECT code FROM tickets WHERE status <> 'SELESAI' AND " +
        '((nik = ? AND service_code = ?) OR (kk = ? AND service_code = ?)) LIMIT 1',
    )
    .pluck();
  const codeTaken = db.prepare<[string], number>('SELECT 1 FROM tickets WHERE code = ?').pluck();
  const insertTicket = db.prepare(
    'INSERT INTO tickets (code, chat_id, status, service_code, need, name, nik, kk, kecamatan, ' +
      "desa, unit_name, photo_count, due_at, created_at) VALUES (@code, @chatId, 'BARU', " +
      '@serviceCode, @need, @name, @nik, @kk, @kecamatan, @desa, @unitName, @photoCount, ' +
      '@dueAt, @createdAt)',
  );
  const ticketCard = db.prepare<[string], TicketCard>(
    'SELECT code, status, unit_name AS unitName, due_at AS dueAt, created_at AS createdAt ' +
      'FROM tickets WHERE code = ?',
  );
  return {
    residentOf(chatId: number): Resident | undefined {
      const row = residentOf.get(chatId);
      if (row === undefined) return undefined;
      const locale = LOCALES.find((l) => l === row.locale) ?? 'id';
      return { locale, consented: row.consented === 1 };
    },
    recordConsent(chatId: number, resident: Resident) {
      recordConsent.run(
        chatId,
        resident.locale,
        resident.consented ? 1 : 0,
        new Date().toISOString(),
      );
    },
    openDuplicate(serviceCode: string, nik: string, kk: string): string | undefined {
      return openDuplicate.get(nik, serviceCode, kk, serviceCode);
    },
    async fileTicket(chatId: number, draft: TicketDraft, unitName: string): Promise<TicketCard> {
      const now = new Date();
      const ticket = {
        code: await drawUniqueTrackingCode(
          'permohonan',
          async (code) => codeTaken.get(code) === undefined,
        ),
        chatId,
        ...draft,
        unitName,
        dueAt: threeWorkingDaysAfter(now).toISOString(),
        createdAt: now.toISOString(),
      };
      const { categoryName: _shownOnly, ...row } = ticket;
      insertTicket.run(row);
      return {
        code: ticket.code,
        status: 'BARU',
        unitName,
        dueAt: ticket.dueAt,
        createdAt: ticket.createdAt,
      };
    },
    ticketCard(code: string): TicketCard | undefined {
      return ticketCard.get(code);
    },
  };
}
type DeskStore = ReturnType<typeof deskStore>;

/** Kesehatan's SLA; holidays are left out, the desk's calendar is not the point here. */
function threeWorkingDaysAfter(from: Date): Date {
  const due = new Date(from);
  for (let left = 3; left > 0; ) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = new Date(due.getTime() + 7 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return due;
}

// ---------------------------------------------------------------------------
// The flow, written as conversations.

interface Option {
  id: string;
  label: string;
}

const CATEGORIES: (Option & { checklist: string })[] = [
  { id: 'kesehatan', label: 'Kesehatan', checklist: 'KTP, KK, SKTM dari desa/kelurahan' },
  { id: 'pendidikan', label: 'Pendidikan', checklist: 'KTP, KK, kartu pelajar' },
  { id: 'sembako', label: 'Sembako', checklist: 'KTP, KK' },
  { id: 'disabilitas', label: 'Disabilitas', checklist: 'KTP, KK, surat keterangan dokter' },
];
const KECAMATAN: (Option & { desa: Option[] })[] = [
  {
    id: '32.04.05',
    label: 'Cileunyi',
    desa: [
      { id: '32.04.05.2001', label: 'Cileunyi Kulon' },
      { id: '32.04.05.2002', label: 'Cileunyi Wetan' },
      { id: '32.04.05.2003', label: 'Cimekar' },
    ],
  },
  {
    id: '32.04.06',
    label: 'Cimenyan',
    desa: [
      { id: '32.04.06.2001', label: 'Mekarsaluyu' },
      { id: '32.04.06.2002', label: 'Cimenyan' },
    ],
  },
];
const BANDUNG = { hasRegency: (code4: string) => code4 === '3204' || code4 === '3273' };

const say = (locale: Locale, key: Key, vars?: Record<string, string | number>) =>
  t(locale, key, vars);
const withOptions = (text: string, options: readonly Option[]) =>
  `${text}\n${options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
/** A number from the list or the option's name, loosely typed. */
function chosen<O extends Option>(text: string, options: readonly O[]): O | undefined {
  const typed = text.trim().toLowerCase();
  const byNumber = /^\d+$/.test(typed) ? options[Number(typed) - 1] : undefined;
  return byNumber ?? options.find((o) => o.label.toLowerCase() === typed || o.id === typed);
}

/** Waits for a text; anything else (a sticker, a photo) is refused and waited for again. */
async function nextText(conversation: ResidentConversation, locale: Locale): Promise<string> {
  const answer = await conversation.waitFor('message:text', {
    otherwise: (ctx) => ctx.reply(say(locale, 'input.unsupported')),
  });
  return answer.message.text;
}

async function askChoice<O extends Option>(
  conversation: ResidentConversation,
  ctx: Context,
  locale: Locale,
  options: readonly O[],
): Promise<O> {
  for (;;) {
    const picked = chosen(await nextText(conversation, locale), options);
    if (picked !== undefined) return picked;
    await ctx.reply(withOptions(say(locale, 'input.choose'), options));
  }
}

async function askFreeText(
  conversation: ResidentConversation,
  ctx: Context,
  locale: Locale,
  limits: { min: number; max: number; refusal: Key },
): Promise<string> {
  for (;;) {
    const text = (await nextText(conversation, locale)).trim();
    if (text.length >= limits.min && text.length <= limits.max) return text;
    await ctx.reply(
      say(locale, text.length > limits.max ? 'input.tooLong' : limits.refusal, { max: limits.max }),
    );
  }
}

/** First contact: language, then consent, recorded before anything personal is asked. */
async function welcome(store: DeskStore, conversation: ResidentConversation, ctx: Context) {
  const chatId = ctx.chatId as number;
  const languages = LOCALES.map((id) => ({ id, label: say('id', `entry.language.${id}` as Key) }));
  await ctx.reply(withOptions(say('id', 'entry.askLanguage'), languages));
  const locale = (await askChoice(conversation, ctx, 'id', languages)).id;
  const consent = [
    { id: 'agree', label: say(locale, 'entry.consent.agree') },
    { id: 'decline', label: say(locale, 'entry.consent.decline') },
    { id: 'more', label: say(locale, 'entry.consent.more') },
  ];
  await ctx.reply(withOptions(say(locale, 'entry.askConsent'), consent));
  for (;;) {
    const answer = (await askChoice(conversation, ctx, locale, consent)).id;
    if (answer === 'more') {
      await ctx.reply(withOptions(say(locale, 'entry.consentDetails'), consent));
      continue;
    }
    const consented = answer === 'agree';
    await conversation.external(() => store.recordConsent(chatId, { locale, consented }));
    if (!consented) await ctx.reply(say(locale, 'entry.consent.declined'));
    await showMenu(ctx, locale);
    return;
  }
}

function menuOptions(locale: Locale): Option[] {
  return (['help', 'complaint', 'status', 'info', 'contact', 'language', 'privacy'] as const).map(
    (id) => ({ id, label: say(locale, `menu.${id}`) }),
  );
}
const showMenu = (ctx: Context, locale: Locale) =>
  ctx.reply(withOptions(say(locale, 'menu.choose'), menuOptions(locale)));

/**
 * A menu choice: the message that entered this conversation is the choice.
 * Only help and status are written out; they are what the benchmark measures.
 */
async function menu(
  store: DeskStore,
  conversation: ResidentConversation,
  ctx: Context,
  resident: Resident,
) {
  const picked = chosen(ctx.message?.text ?? '', menuOptions(resident.locale));
  if (picked?.id === 'help' && resident.consented)
    return helpRequest(store, conversation, ctx, resident.locale);
  if (picked?.id === 'status') return statusCheck(store, conversation, ctx, resident.locale);
  await ctx.reply(
    say(resident.locale, picked === undefined ? 'input.choose' : 'runtime.flowUnavailable'),
  );
  await showMenu(ctx, resident.locale);
}

async function askNik(conversation: ResidentConversation, ctx: Context, locale: Locale) {
  await ctx.reply(say(locale, 'helpRequest.nik.ask'));
  for (;;) {
    const result = validateNik(await nextText(conversation, locale), BANDUNG);
    if (result.ok) return result.value;
    const { code, ...vars } = result.reason;
    await ctx.reply(say(locale, code as Key, vars as Record<string, string | number>));
  }
}

async function askKk(
  conversation: ResidentConversation,
  ctx: Context,
  locale: Locale,
  nik: string,
) {
  await ctx.reply(say(locale, 'helpRequest.kk.ask'));
  for (;;) {
    const result = validateKk(await nextText(conversation, locale), BANDUNG);
    if (result.ok && result.value !== nik) return result.value;
    if (result.ok) {
      // The catalogue has no text for this case: the desk does not check it.
      await ctx.reply('Nomor KK tidak boleh sama dengan NIK. Mohon kirim nomor di bagian atas KK.');
      continue;
    }
    const { code, ...vars } = result.reason;
    await ctx.reply(say(locale, code as Key, vars as Record<string, string | number>));
  }
}

async function askDocuments(conversation: ResidentConversation, ctx: Context, locale: Locale) {
  let photoCount = 0;
  for (;;) {
    const answer = await conversation.waitFor(['message:text', 'message:photo']);
    if (answer.message.photo !== undefined) {
      photoCount += 1;
      await ctx.reply(say(locale, 'helpRequest.documents.received', { photoCount }));
      continue;
    }
    const text = (answer.message.text ?? '').trim().toLowerCase();
    if (
      ['1', 'selesai', 'lewati', say(locale, 'helpRequest.documents.done').toLowerCase()].includes(
        text,
      )
    ) {
      return photoCount;
    }
    await ctx.reply(say(locale, 'input.attachment'));
  }
}

async function helpRequest(
  store: DeskStore,
  conversation: ResidentConversation,
  ctx: Context,
  locale: Locale,
) {
  const chatId = ctx.chatId as number;
  await ctx.reply(withOptions(say(locale, 'helpRequest.category.ask'), CATEGORIES));
  const category = await askChoice(conversation, ctx, locale, CATEGORIES);
  await ctx.reply(say(locale, 'helpRequest.need.ask', { categoryName: category.label }));
  const need = await askFreeText(conversation, ctx, locale, {
    min: 10,
    max: 1000,
    refusal: 'input.tooShort',
  });
  await ctx.reply(say(locale, 'helpRequest.name.ask'));
  const name = await askFreeText(conversation, ctx, locale, {
    min: 3,
    max: 100,
    refusal: 'input.name',
  });
  const nik = await askNik(conversation, ctx, locale);
  const kk = await askKk(conversation, ctx, locale, nik);
  const duplicate = await conversation.external(() => store.openDuplicate(category.id, nik, kk));
  if (duplicate !== undefined) {
    await ctx.reply(
      say(locale, 'helpRequest.duplicate', {
        categoryName: category.label,
        code: duplicate,
        statusLabel: say(locale, 'status.ticket.BARU'),
      }),
    );
    return showMenu(ctx, locale);
  }
  await ctx.reply(withOptions(say(locale, 'helpRequest.kecamatan.ask'), KECAMATAN));
  const kecamatan = await askChoice(conversation, ctx, locale, KECAMATAN);
  await ctx.reply(
    withOptions(
      say(locale, 'helpRequest.desa.ask', { kecamatanChoice: kecamatan.label }),
      kecamatan.desa,
    ),
  );
  const desa = await askChoice(conversation, ctx, locale, kecamatan.desa);
  await ctx.reply(
    say(locale, 'helpRequest.documents.ask', {
      categoryName: category.label,
      checklist: category.checklist,
    }),
  );
  const photoCount = await askDocuments(conversation, ctx, locale);
  const confirm = [
    { id: 'send', label: say(locale, 'helpRequest.confirm.send') },
    { id: 'cancel', label: say(locale, 'helpRequest.confirm.cancel') },
  ];
  const summary = say(locale, 'helpRequest.summary', {
    categoryName: category.label,
    needShort: need.length > 80 ? `${need.slice(0, 79)}…` : need,
    name,
    nikLabel: maskNik(nik),
    kkLabel: maskNik(kk),
    kecamatanName: kecamatan.label,
    desaName: desa.label,
    photoCount,
  });
  await ctx.reply(withOptions(summary, confirm));
  if ((await askChoice(conversation, ctx, locale, confirm)).id === 'cancel') {
    await ctx.reply(say(locale, 'runtime.cancelled'));
    return showMenu(ctx, locale);
  }
  const draft: TicketDraft = {
    serviceCode: category.id,
    categoryName: category.label,
    need,
    name,
    nik,
    kk,
    kecamatan: kecamatan.id,
    desa: desa.id,
    photoCount,
  };
  const ticket = await conversation.external(() =>
    store.fileTicket(chatId, draft, `Puskesos Desa ${desa.label}`),
  );
  await ctx.reply(
    say(locale, 'helpRequest.created', {
      code: ticket.code,
      unitName: ticket.unitName,
      dueDate: formatLongDate(locale, new Date(ticket.dueAt)),
    }),
  );
  await showMenu(ctx, locale);
}

/** A code typed loosely; the public card carries no personal data. */
async function statusCheck(
  store: DeskStore,
  conversation: ResidentConversation,
  ctx: Context,
  locale: Locale,
) {
  await ctx.reply(say(locale, 'status.askCode'));
  for (;;) {
    const code = parseTrackingCode(await nextText(conversation, locale));
    if (code === null) {
      await ctx.reply(say(locale, 'input.trackingCode'));
      continue;
    }
    const card = await conversation.external(() => store.ticketCard(code));
    if (card === undefined) {
      await ctx.reply(say(locale, 'status.notFound', { code }));
      continue;
    }
    const created = formatLongDate(locale, new Date(card.createdAt));
    await ctx.reply(
      say(locale, 'status.card', {
        code: card.code,
        statusLabel: say(locale, `status.ticket.${card.status}` as Key),
        holder: card.unitName,
        dueDate: formatLongDate(locale, new Date(card.dueAt)),
        timeline: say(locale, 'status.timeline.line', {
          date: created,
          text: say(locale, 'status.event.created'),
        }),
      }),
    );
    await ctx.reply(say(locale, 'status.next'));
    return;
  }
}

// ---------------------------------------------------------------------------
// The bot, without network.

const BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'SLRT Desk (bench)',
  username: 'slrt_desk_bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** What Telegram would have been sent, per chat. */
type Sent = Map<number, string[]>;

/** Answers every Bot API call in process; sendMessage gets a plausible Message back. */
function offlineFetch(sent: Sent) {
  let messageId = 0;
  return async (url: unknown, init?: { body?: unknown }) => {
    const address = String(url);
    const method = address.slice(address.lastIndexOf('/') + 1);
    const payload = JSON.parse(String(init?.body ?? '{}')) as { chat_id: number; text?: string };
    let result: unknown = true;
    if (method === 'sendMessage') {
      const chatId = payload.chat_id;
      const text = payload.text ?? '';
      const texts = sent.get(chatId);
      if (texts === undefined) sent.set(chatId, [text]);
      else texts.push(text);
      messageId += 1;
      result = {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Warga' },
        from: {
          id: BOT_INFO.id,
          is_bot: true,
          first_name: BOT_INFO.first_name,
          username: BOT_INFO.username,
        },
        text,
      } satisfies Message.TextMessage;
    }
    return { json: async () => ({ ok: true, result }) };
  };
}

function residentBot(db: Db, sent: Sent): Bot<OuterContext> {
  const bot = new Bot<OuterContext>('7000000001:bench-token-no-network', {
    botInfo: BOT_INFO,
    client: { fetch: offlineFetch(sent) as never },
  });
  const store = deskStore(db);
  bot.use(
    conversations<OuterContext, Context>({
      storage: { type: 'key', version: 1, adapter: sqliteConversationStorage(db) },
    }),
  );
  bot.use(
    createConversation<OuterContext, Context>(
      (conversation, ctx) => welcome(store, conversation, ctx),
      'welcome',
    ),
  );
  bot.use(
    createConversation<OuterContext, Context>(
      (conversation, ctx, resident: Resident) => menu(store, conversation, ctx, resident),
      'menu',
    ),
  );
  // No conversation is active: a first message opens the welcome, any later one is a menu choice.
  bot.on('message', async (ctx) => {
    const resident = store.residentOf(ctx.chatId);
    if (resident === undefined) await ctx.conversation.enter('welcome');
    else await ctx.conversation.enter('menu', resident);
  });
  return bot;
}

// ---------------------------------------------------------------------------
// The residents.

const NEED = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.';
const NAME = 'Siti Aminah';
const CHAT_BASE = 880_000_000;
const TICKET_CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;

/**
 * Unique per resident (up to 279,972) so the duplicate rule never bites: a
 * 4-digit serial, and the birth day (a woman's, day + 40) moves on every 9,999.
 */
function residentNumbers(index: number) {
  const serial = String((index % 9_999) + 1).padStart(4, '0');
  const day = 41 + (Math.floor(index / 9_999) % 28);
  return { nik: `320405${day}1290${serial}`, kk: `320405${day}3456${serial}` };
}

function requestTexts(index: number): string[] {
  const { nik, kk } = residentNumbers(index);
  return [
    'halo',
    '1',
    '1',
    '1',
    'kesehatan',
    NEED,
    NAME,
    nik,
    kk,
    'cileunyi',
    'cileunyi kulon',
    'selesai',
    'Ya, kirim',
  ];
}

class UpdateFeed {
  private updateId = 0;
  private messageId = 0;
  update(chatId: number, text: string): Update {
    this.updateId += 1;
    this.messageId += 1;
    const resident = { id: chatId, is_bot: false, first_name: 'Warga' } as const;
    return {
      update_id: this.updateId,
      message: {
        message_id: this.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Warga' },
        from: resident,
        text,
      },
    };
  }
}

async function feed(
  bot: Bot<OuterContext>,
  updates: UpdateFeed,
  chatId: number,
  texts: readonly string[],
) {
  for (const text of texts) await bot.handleUpdate(updates.update(chatId, text));
  return texts.length;
}

/** One resident's whole visit: the request, then the status of the code it was given. */
async function visit(bot: Bot<OuterContext>, updates: UpdateFeed, sent: Sent, index: number) {
  const chatId = CHAT_BASE + index;
  let turns = await feed(bot, updates, chatId, requestTexts(index));
  const code = TICKET_CODE.exec(sent.get(chatId)?.join('\n') ?? '')?.[0];
  if (code === undefined) throw new Error(`resident ${index} got no ticket code`);
  turns += await feed(bot, updates, chatId, ['3', code]);
  return turns;
}

/**
 * `warmup` residents visit first, off the clock, as the desk's bench warms the
 * desk before its figure 1: both sides are timed past their first turns.
 */
async function runResidents(options: { residents: number; dir: string; warmup?: number }) {
  const db = openDeskFile(join(options.dir, 'conversations-plugin.sqlite'));
  const sent: Sent = new Map();
  const bot = residentBot(db, sent);
  const updates = new UpdateFeed();
  const warmup = options.warmup ?? 0;
  try {
    // After the measured residents' numbers, so no warm-up ticket is a duplicate of theirs.
    for (let index = options.residents; index < options.residents + warmup; index++) {
      await visit(bot, updates, sent, index);
    }
    const started = process.hrtime.bigint();
    const perResident = await Promise.all(
      Array.from({ length: options.residents }, (_, index) => visit(bot, updates, sent, index)),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const turns = perResident.reduce((sum, n) => sum + n, 0);
    const tickets = (db.prepare('SELECT count(*) FROM tickets').pluck().get() as number) - warmup;
    return { turns, seconds, sent, tickets };
  } finally {
    db.close();
  }
}

/**
 * N residents at once, each sending its updates in order and awaiting each
 * `handleUpdate`, as the desk's bench does. Every update fed is one turn.
 */
export async function runConversationsPluginBench(options: {
  residents: number;
  dir: string;
  warmup: number;
}): Promise<{ turns: number; seconds: number }> {
  const { turns, seconds } = await runResidents(options);
  return { turns, seconds };
}

// ---------------------------------------------------------------------------
// Self-check: npx tsx scripts/bench/conversations-plugin.ts [residents]

/** Half a request on one bot, the rest on a fresh bot over the same file: the chat resumes. */
async function resumesAfterRestart(dir: string): Promise<boolean> {
  const file = join(dir, 'restart.sqlite');
  const index = 0; // its own file, so no duplicate with the measured run
  const chatId = CHAT_BASE + index;
  const texts = requestTexts(index);
  const updates = new UpdateFeed();
  const before: Sent = new Map();
  const first = openDeskFile(file);
  await feed(residentBot(first, before), updates, chatId, texts.slice(0, 7));
  first.close();
  const after: Sent = new Map();
  const second = openDeskFile(file);
  try {
    await feed(residentBot(second, after), updates, chatId, texts.slice(7));
    return TICKET_CODE.test(after.get(chatId)?.join('\n') ?? '');
  } finally {
    second.close();
  }
}

async function selfCheck(residents: number) {
  const dir = mkdtempSync(join(tmpdir(), 'conversations-plugin-'));
  try {
    const { turns, seconds, sent, tickets } = await runResidents({ residents, dir });
    console.log(
      `conversations plugin (better-sqlite3, WAL, synchronous=FULL): ${residents} residents, ` +
        `${turns} turns in ${seconds.toFixed(2)} s = ${(turns / seconds).toFixed(0)} turns/s`,
    );
    const failed: number[] = [];
    for (let index = 0; index < residents; index++) {
      const texts = sent.get(CHAT_BASE + index) ?? [];
      const code = TICKET_CODE.exec(texts.join('\n'))?.[0];
      const answered =
        code !== undefined && texts.some((text) => text.startsWith(`Tiket ${code}\n`));
      if (!answered) failed.push(index);
    }
    const resumed = await resumesAfterRestart(dir);
    console.log(
      `tickets filed: ${tickets}/${residents}; status answered: ${residents - failed.length}/${residents}; ` +
        `resumes after a restart: ${resumed ? 'yes' : 'no'}`,
    );
    if (failed.length > 0 || tickets !== residents || turns !== residents * 15 || !resumed) {
      console.error(
        `self-check failed (residents without a ticket or status: ${failed.slice(0, 10).join(', ')})`,
      );
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('conversations-plugin.ts')) {
  await selfCheck(Number(process.argv[2] ?? 20));
}
