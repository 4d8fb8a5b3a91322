/**
 * What the yearly joint decree (SKB Menteri Agama, Menteri Ketenagakerjaan
 * and Menteri PANRB "tentang Hari Libur Nasional dan Cuti Bersama") sets and
 * date-holidays cannot know: the cuti bersama, and the national holidays whose
 * date the government fixed differently from the library's computed calendar
 * (the Hijri dates follow the government's hisab/rukyat, not arithmetic).
 *
 * Only years whose decree we have checked are listed. Later years get the
 * library's national holidays alone; an admin adds that year's cuti bersama
 * with `npm run slrt -- holidays add` when the decree is published.
 */

export interface DecreeDay {
  date: string;
  name: string;
}

export interface DecreeYear {
  year: number;
  decree: string;
  /** national holidays the decree dates differently from (or beyond) the library */
  nasional: DecreeDay[];
  /** library dates the decree does not make national holidays (moved elsewhere) */
  notNasional: string[];
  cutiBersama: DecreeDay[];
}

export const DECREES: readonly DecreeYear[] = [
  {
    year: 2025,
    // SKB Menteri Agama No. 1017/2024, Menaker No. 2/2024, MenPANRB No. 2/2024.
    decree: 'SKB 3 Menteri Hari Libur Nasional dan Cuti Bersama 2025',
    nasional: [
      { date: '2025-03-31', name: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-01', name: 'Hari Raya Idul Fitri 1446 H' },
      { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2025-06-27', name: 'Tahun Baru Islam 1447 H' },
    ],
    notNasional: ['2025-03-30', '2025-06-26'],
    cutiBersama: [
      { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2025-04-02', name: 'Cuti bersama Idul Fitri 1446 H' },
      { date: '2025-04-03', name: 'Cuti bersama Idul Fitri 1446 H' },
      { date: '2025-04-04', name: 'Cuti bersama Idul Fitri 1446 H' },
      { date: '2025-04-07', name: 'Cuti bersama Idul Fitri 1446 H' },
      { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak' },
      { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2025-06-09', name: 'Cuti bersama Idul Adha 1446 H' },
      { date: '2025-12-26', name: 'Cuti bersama Hari Raya Natal' },
    ],
  },
  {
    year: 2026,
    // SKB Menteri Agama No. 1497/2025, Menaker No. 2/2025, MenPANRB No. 5/2025.
    decree: 'SKB 3 Menteri Hari Libur Nasional dan Cuti Bersama 2026',
    nasional: [
      { date: '2026-03-21', name: 'Hari Raya Idul Fitri 1447 H' },
      { date: '2026-03-22', name: 'Hari Raya Idul Fitri 1447 H' },
      { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    ],
    notNasional: ['2026-03-20'],
    cutiBersama: [
      { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2026-03-20', name: 'Cuti bersama Idul Fitri 1447 H' },
      { date: '2026-03-23', name: 'Cuti bersama Idul Fitri 1447 H' },
      { date: '2026-03-24', name: 'Cuti bersama Idul Fitri 1447 H' },
      { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2026-05-28', name: 'Cuti bersama Idul Adha 1447 H' },
      { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal' },
    ],
  },
];
