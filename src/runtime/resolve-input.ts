/**
 * Reads one inbound message as an answer to the current step (its `expects`
 * and options) and returns what the flow needs: the accepted value or the
 * reason to refuse it. Flows stay pure because all reading happens here.
 */
import type { Expectation, Resolution, StepMeta } from '../../flows/flow-kit.ts';
import { maskNik, validateKk, validateNik } from '../core/nik.ts';
import { parseTrackingCode } from '../core/tracking-code.ts';
import { readIntent } from './menu-intents.ts';
import type { InboundMessage } from './messages.ts';
import { closeMatches } from './place-search.ts';
import type { ReferenceData } from './reference-data.ts';
import type { StepOption } from './step-options.ts';
import { matchOption, normaliseLabel } from './tolerant-match.ts';

export const MAX_TEXT_ANSWER = 1000;
const DONE_WORDS = new Set([
  'selesai',
  'sudah',
  'cukup',
  'done',
  'finish',
  'rengse',
  'réngsé',
  'atos',
  'lewati',
  'skip',
]);

function refuse(code: string, params: Record<string, string | number> = {}): Resolution {
  return { ok: false, reason: { code: code as never, ...params } };
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * A label typed with its number, as the buttons and lists show it ("2. Ubah",
 * copied or retyped): the option of that number, if the words are its label.
 */
function numberedLabel(text: string, options: StepOption[]): StepOption | undefined {
  const typed = /^\s*(\d{1,4})\s*[.)]\s*(\S.*)$/s.exec(text);
  if (!typed) return undefined;
  const option = options[Number(typed[1]) - 1];
  const words = normaliseLabel(typed[2] as string).join(' ');
  return option && normaliseLabel(option.label).join(' ') === words ? option : undefined;
}

function pickOption(message: InboundMessage, options: StepOption[]): Resolution {
  if (message.optionId) {
    const chosen = options.find((o) => o.id === message.optionId);
    return chosen ? { ok: true, value: chosen.id, label: chosen.label } : refuse('input.choose');
  }
  const text = message.text.trim();
  const copied = numberedLabel(text, options);
  if (copied) return { ok: true, value: copied.id, label: copied.label };
  const number = /^(\d{1,4})\s*[.)]?$/.exec(text);
  if (number) {
    const index = Number(number[1]) - 1;
    const chosen = options[index];
    return chosen
      ? { ok: true, value: chosen.id, label: chosen.label }
      : refuse('input.outOfRange', { number: Number(number[1]), max: options.length });
  }
  const exactId = options.find((o) => o.id.toLowerCase() === text.toLowerCase());
  if (exactId) return { ok: true, value: exactId.id, label: exactId.label };
  const chosen = text.length <= 100 ? matchAnyLanguage(text, options) : undefined;
  return chosen ? { ok: true, value: chosen.id, label: chosen.label } : refuse('input.choose');
}

/** An option chosen by button, by its number, or by typing exactly its id or label. */
function exactPick(message: InboundMessage, options: StepOption[]): Resolution | null {
  const number = /^\s*(\d{1,2})\s*$/.exec(message.text);
  const typed = normaliseLabel(message.text).join(' ');
  const sameWords = (label: string) => normaliseLabel(label).join(' ') === typed;
  let chosen: StepOption | undefined;
  if (message.optionId) chosen = options.find((o) => o.id === message.optionId);
  else if (number) chosen = options[Number(number[1]) - 1];
  else if (typed !== '')
    chosen =
      numberedLabel(message.text, options) ??
      options.find((o) => [o.id, o.label, ...(o.aliases ?? [])].some(sameWords));
  return chosen ? { ok: true, value: chosen.id, label: chosen.label } : null;
}

function matchAnyLanguage(text: string, options: StepOption[]): StepOption | undefined {
  const shown = matchOption(
    text,
    options.map((o) => o.label),
  );
  if (shown !== null) return options[shown];
  // The same option in another language ("pengaduan" while the menu is in Sundanese).
  const flat = options.flatMap((o) => (o.aliases ?? []).map((alias) => ({ option: o, alias })));
  const other = matchOption(
    text,
    flat.map((f) => f.alias),
  );
  return other === null ? undefined : flat[other]?.option;
}

/** Longest typed name echoed back in "not on our list". */
const ECHOED_NAME = 40;

/**
 * A place asked by name: a button or number picks among the options shown,
 * their labels may be typed, and any place of the list (shown or not) may be
 * typed by name, tolerant of typos. A name that fits several is "unclear".
 */
function pickPlace(message: InboundMessage, options: StepOption[]): Resolution {
  if (message.optionId) {
    const chosen = options.find((o) => o.id === message.optionId);
    return chosen ? { ok: true, value: chosen.id, label: chosen.label } : refuse('input.choose');
  }
  const shown = options.filter((o) => !o.hidden);
  const text = message.text.trim();
  if (!hasWords(text)) return refuse('input.choose');
  const picked = /^\d{1,4}\s*[.)]?$/.test(text)
    ? pickOption(message, shown)
    : exactPick(message, shown);
  if (picked) return picked;
  if (text.length > 100) return refuse('input.choose');
  const places = options.filter((o) => o.place);
  const found = closeMatches(
    text,
    places.map((p) => p.label),
  );
  const [only] = found;
  if (found.length === 1 && only !== undefined) {
    const place = places[only] as StepOption;
    return { ok: true, value: place.id, label: place.label };
  }
  if (found.length > 1) return refuse('input.placeUnclear');
  const typed = text.length > ECHOED_NAME ? `${text.slice(0, ECHOED_NAME - 1)}…` : text;
  return refuse('input.placeNotFound', { typed });
}

function freeText(text: string, min: number): Resolution {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_ANSWER) return refuse('input.tooLong', { max: MAX_TEXT_ANSWER });
  if (trimmed !== '' && !hasWords(trimmed)) return refuse('input.emojiOnly');
  if (trimmed.length < min) return refuse('input.tooShort');
  return { ok: true, value: trimmed };
}

function personName(text: string): Resolution {
  const name = text.trim().replace(/\s+/g, ' ');
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  if (name.length > 100 || letters < 2 || !/^[\p{L}\s.'’-]+$/u.test(name))
    return refuse('input.name');
  return { ok: true, value: name };
}

const UNSUPPORTED_TEXT = {
  media: 'input.unsupported',
  fileTooLarge: 'input.fileTooLarge',
  fileType: 'input.fileType',
} as const;

/**
 * An option first; failing that, what the resident's own words ask for, when
 * the step reads intents and the words name one of them.
 */
function pickOptionOrIntent(
  message: InboundMessage,
  options: StepOption[],
  intents: readonly string[] | undefined,
  ref: ReferenceData,
): Resolution {
  const picked = pickOption(message, options);
  if (picked.ok || !intents || message.kind !== 'text') return picked;
  const intent = readIntent(
    message.text,
    ref.services.map((s) => s.code),
  );
  return intent && intents.includes(intent.value)
    ? { ok: true, value: intent.value, start: intent.start }
    : picked;
}

/** `intents`: what the step also reads from free words (StepMeta.intents). */
export function resolveInput(
  expects: Expectation | undefined,
  message: InboundMessage,
  options: StepOption[],
  ref: ReferenceData,
  now: Date,
  intents?: StepMeta['intents'],
): Resolution {
  if (message.kind === 'unsupported')
    return refuse(UNSUPPORTED_TEXT[message.unsupported ?? 'media']);
  switch (expects) {
    case undefined:
    case 'choice':
      return pickOptionOrIntent(message, options, intents, ref);
    case 'area':
      return pickPlace(message, options);
    case 'text': {
      // A free-text step may offer a way out ("Lewati"); only an exact pick counts as it.
      const picked = options.length > 0 ? exactPick(message, options) : null;
      if (picked) return picked;
      return message.kind === 'text' ? freeText(message.text, 3) : refuse('input.unsupported');
    }
    case 'message': {
      if (message.attachments.length > 0) {
        return {
          ok: true,
          value: message.text.trim().slice(0, MAX_TEXT_ANSWER),
          attachmentIds: message.attachments.map((a) => a.attachmentId),
        };
      }
      return message.kind === 'text' ? freeText(message.text, 1) : refuse('input.unsupported');
    }
    case 'name':
      return message.kind === 'text' ? personName(message.text) : refuse('input.name');
    case 'nik': {
      // A NIK or KK step may offer a way out ("Lanjut tanpa NIK"); only an exact pick counts.
      const picked = options.length > 0 ? exactPick(message, options) : null;
      if (picked) return picked;
      const result = validateNik(message.text, ref.regencies, { today: now });
      return result.ok
        ? { ok: true, value: result.value, label: maskNik(result.value) }
        : { ok: false, reason: { ...result.reason } as never };
    }
    case 'kk': {
      const picked = options.length > 0 ? exactPick(message, options) : null;
      if (picked) return picked;
      const result = validateKk(message.text, ref.regencies);
      return result.ok
        ? { ok: true, value: result.value, label: maskNik(result.value) }
        : { ok: false, reason: { ...result.reason } as never };
    }
    case 'attachments': {
      if (message.attachments.length > 0) {
        return {
          ok: true,
          value: 'attachment',
          attachmentIds: message.attachments.map((a) => a.attachmentId),
        };
      }
      const word = message.text.trim().toLowerCase();
      if (message.optionId === 'done' || DONE_WORDS.has(word))
        return { ok: true, value: 'done', done: true };
      return pickOption(message, options).ok
        ? pickOption(message, options)
        : refuse('input.attachment');
    }
    case 'trackingCode': {
      const code = parseTrackingCode(message.text);
      if (code) return { ok: true, value: code };
      const picked = options.length > 0 ? pickOption(message, options) : null;
      return picked?.ok ? picked : refuse('input.trackingCode');
    }
    case 'rating': {
      const picked = pickOption(message, options);
      if (picked.ok) return picked;
      const digit = /^\s*([1-5])\b/.exec(message.text);
      return digit ? { ok: true, value: digit[1] as string } : refuse('input.rating');
    }
  }
}
