/**
 * What a usage answer looks like when its example codes come from the desk
 * (usage-examples.ts): the catalog line with every {placeholder} matching
 * one word. For tests about a wrong argument, not about which codes are shown.
 */
import { type Key, t } from '../../src/i18n/translate.ts';

export function usagePattern(key: Key): RegExp {
  const text = t('id', 'staff.usage', { usage: t('id', key) });
  const escaped = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '\\S+')}$`);
}
