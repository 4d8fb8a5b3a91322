/**
 * What a staff member receives besides the figures: the period they typed,
 * the CSV's fixed columns, and a chart that is a real, non-blank PNG.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reportChartPng } from '../../src/reports/report-chart.ts';
import { CSV_COLUMNS, csvField, reportCsv } from '../../src/reports/report-csv.ts';
import type { ReportFigures } from '../../src/reports/report-figures.ts';
import { periodSpec, resolvePeriod } from '../../src/reports/report-period.ts';
import { reportArgs } from '../../src/staff-desk/commands/report.ts';

const NOW = new Date('2026-11-27T09:00:00+07:00'); // a Friday
const wib = (s: string) => new Date(`${s}+07:00`);

function period(text: string) {
  const spec = periodSpec.safeParse(text);
  return spec.success ? resolvePeriod(spec.data, NOW) : null;
}

const FIGURES: ReportFigures = {
  opened: 8,
  closed: 3,
  openByStatus: { BARU: 4, DIPROSES: 1 },
  byService: [
    {
      code: 'kes',
      name: 'Kesehatan',
      names: { id: 'Kesehatan', su: 'Kasehatan', en: 'Health' },
      opened: 4,
      closed: 3,
    },
  ],
  byArea: {
    kecamatan: [{ code: '99.01.01', name: 'Kecamatan A', opened: 4 }],
    desa: [{ code: '99.01.01.2001', name: 'Desa "Satu", Barat', opened: 4 }],
  },
  slaCompliancePct: 66.7,
  medianFirstResponseWorkingDays: 0.5,
  medianResolutionWorkingDays: null,
  escalations: 1,
  referralsByPartner: [
    {
      partnerCode: 'mitra-a',
      partnerName: 'Mitra A',
      sector: 'pemerintah',
      sent: 2,
      accepted: 2,
      declined: 0,
      completed: 1,
    },
  ],
  referralsBySector: [{ sector: 'pemerintah', sent: 2, accepted: 2, declined: 0, completed: 1 }],
  satisfactionAvg: 4,
  ratingsCount: 3,
  complaintsByTopic: [{ topic: 'pungutan_liar', count: 2 }],
};

describe('report period', () => {
  it('reads every form staff type, in Jakarta days', () => {
    expect(period('hari ini')).toEqual({
      from: wib('2026-11-27T00:00'),
      to: wib('2026-11-28T00:00'),
      label: '2026-11-27',
    });
    expect(period('minggu ini')).toEqual({
      from: wib('2026-11-23T00:00'),
      to: wib('2026-11-28T00:00'),
      label: '2026-11-23..2026-11-27',
    });
    expect(period('')).toEqual(period('bulan ini'));
    expect(period('Bulan  Ini')).toEqual({
      from: wib('2026-11-01T00:00'),
      to: wib('2026-11-28T00:00'),
      label: '2026-11-01..2026-11-27',
    });
    expect(period('2026-02')).toEqual({
      from: wib('2026-02-01T00:00'),
      to: wib('2026-03-01T00:00'),
      label: '2026-02',
    });
    expect(period('2026-11-01..2026-11-15')).toEqual({
      from: wib('2026-11-01T00:00'),
      to: wib('2026-11-16T00:00'),
      label: '2026-11-01..2026-11-15',
    });
    expect(period('dari 2026-11-01 sampai 2026-11-15')).toEqual(period('2026-11-01..2026-11-15'));
  });

  it('counts a Monday as its own week', () => {
    const monday = periodSpec.parse('minggu ini');
    expect(resolvePeriod(monday, new Date('2026-11-23T06:00:00+07:00')).label).toBe('2026-11-23');
  });

  it('refuses what it cannot read', () => {
    for (const bad of [
      'kemarin',
      '2026-13',
      '2026-02-30',
      '2026-11-15..2026-11-01',
      '2020-01-01..2026-01-01',
      'bulan',
    ]) {
      expect(period(bad), bad).toBeNull();
    }
  });

  it('takes csv as the last word of the command', () => {
    expect(reportArgs.parse('minggu ini csv')).toEqual({ period: { kind: 'week' }, csv: true });
    expect(reportArgs.parse('CSV')).toEqual({ period: { kind: 'month' }, csv: true });
    expect(reportArgs.parse('2026-10')).toMatchObject({ csv: false });
    expect(reportArgs.safeParse('csv 2026-10').success).toBe(false);
  });
});

describe('report CSV', () => {
  const lines = reportCsv('id', '2026-11', FIGURES).split('\r\n');

  it('has the documented columns and one row per figure', () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toBe('period,section,code,name,metric,value');
    expect(lines.slice(1, 9)).toEqual([
      '2026-11,summary,,,opened,8',
      '2026-11,summary,,,closed,3',
      '2026-11,summary,,,sla_compliance_pct,66.7',
      '2026-11,summary,,,median_first_response_working_days,0.5',
      '2026-11,summary,,,median_resolution_working_days,',
      '2026-11,summary,,,escalations,1',
      '2026-11,summary,,,satisfaction_avg,4',
      '2026-11,summary,,,ratings,3',
    ]);
    expect(lines).toContain('2026-11,open_by_status,BARU,Baru masuk,open,4');
    expect(lines).toContain('2026-11,service,kes,Kesehatan,closed,3');
    expect(lines).toContain('2026-11,sector,pemerintah,Pemerintah,completed,1');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).every((line) => line.split(',').length >= 6)).toBe(true);
  });

  it('quotes a field with a comma or quote as RFC 4180 says', () => {
    expect(lines).toContain('2026-11,desa,99.01.01.2001,"Desa ""Satu"", Barat",opened,4');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });

  it('names things in the staff member language', () => {
    expect(reportCsv('en', '2026-11', FIGURES)).toContain('2026-11,service,kes,Health,opened,4');
  });
});

describe('report chart', () => {
  const png = Buffer.from(reportChartPng('id', '2026-11', FIGURES));

  it('is a PNG of the chart size', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1000);
    expect(png.readUInt32BE(20)).toBe(560);
  });

  it('has bars and text drawn on it, not a blank page', () => {
    expect(png.byteLength).toBeGreaterThan(10_000);
    // Decode the pixels: a blank white image would have a single colour.
    let offset = 8;
    const idat: Buffer[] = [];
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.subarray(offset + 4, offset + 8).toString('ascii');
      if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
      offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const colours = new Set<number>();
    for (let i = 0; i < raw.length; i += 97) colours.add(raw[i] ?? 0);
    expect(colours.size).toBeGreaterThan(10);
  });
});
