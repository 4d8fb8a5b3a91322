/**
 * Indonesia's days off for one year, before any admin edit: the national
 * holidays date-holidays computes for country ID (only its `public` ones;
 * ID has no observance or optional days off for offices), corrected by the
 * yearly joint decree, plus that decree's cuti bersama. Works offline: the
 * library ships its rules and computes every year locally.
 */
import Holidays from 'date-holidays';
import { DECREES } from '../seed/cuti-bersama.ts';

export type CalendarKind = 'nasional' | 'cuti_bersama';

export interface CalendarDay {
  date: string;
  name: string;
  kind: CalendarKind;
}

// date-holidays names the 27 Rajab holiday "Maulid Nabi Muhammad" for ID;
// it is Isra Mi'raj, and an admin reading the list must not see Maulid twice.
function nationalName(name: string, rule: string): string {
  return rule.includes('Rajab') ? "Isra Mi'raj Nabi Muhammad" : name;
}

export function holidayCalendar(year: number): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  const add = (day: CalendarDay) => {
    const known = byDate.get(day.date);
    if (!known) byDate.set(day.date, day);
    else if (known.kind === day.kind && !known.name.includes(day.name)) {
      known.name = `${known.name} / ${day.name}`;
    }
  };
  const decree = DECREES.find((d) => d.year === year);
  for (const h of new Holidays('ID').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (decree?.notNasional.includes(date)) continue;
    add({ date, name: nationalName(h.name, h.rule), kind: 'nasional' });
  }
  // The decree's own name and date win over the library's on the same day.
  for (const day of decree?.nasional ?? []) byDate.set(day.date, { ...day, kind: 'nasional' });
  // A cuti bersama never replaces a national holiday on the same day.
  for (const day of decree?.cutiBersama ?? []) add({ ...day, kind: 'cuti_bersama' });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
