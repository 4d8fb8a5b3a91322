import { en, id, su } from './catalogs.ts';

/**
 * Turns a catalog key into text in the resident's language.
 *
 * Flows and handlers only ever name keys (`{ key: 'nik.length.short', params }`); this is
 * the one place that picks the words. Texts live per feature in `texts/` (and the domain's
 * refusals in `catalog/`), merged in `catalogs.ts`. Bahasa Indonesia is the default and the fallback.
 *
 * @example
 * t('su', 'nik.length.short', { count: 15, missing: 1 });
 * // 'NIK kedah 16 angka. Nu dikintunkeun 15 angka, kirang 1. …'
 */

/** Languages the desk speaks, default first. */
export const LOCALES = ['id', 'su', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every catalog key; the id catalog defines the set and the others must match it. */
export type Key = keyof typeof id;

/** Values for `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

const CATALOGS: Readonly<Record<Locale, Readonly<Record<Key, string>>>> = { id, su, en };

/** True for a locale we have a catalog for, e.g. to check a stored preference. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Text for `key` in `locale` with `{name}` placeholders filled from `params`. An unknown
 * locale or an empty text falls back to Indonesian; a placeholder without a value stays
 * visible as `{name}` so the gap is noticed instead of silently dropped.
 */
export function t(locale: Locale, key: Key, params?: Params): string {
  const catalog = isLocale(locale) ? CATALOGS[locale] : id;
  const text = catalog[key] || id[key] || key;
  if (params === undefined) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

const PLACEHOLDER = /\{(\w+)\}/g;
