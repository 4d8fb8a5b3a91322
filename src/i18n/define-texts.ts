/**
 * One feature's texts in every language, side by side. The id texts define
 * the keys; a su or en text that is missing or extra does not compile.
 *
 * @example
 * export const menuTexts = defineTexts({
 *   id: { 'menu.title': 'Pilih layanan:' },
 *   su: { 'menu.title': 'Mangga pilih layanan:' },
 *   en: { 'menu.title': 'Choose a service:' },
 * });
 */
export function defineTexts<const T extends Record<string, string>>(texts: {
  id: T;
  su: { [K in keyof T]: string };
  en: { [K in keyof T]: string };
}) {
  return texts;
}
