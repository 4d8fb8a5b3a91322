/**
 * Data every turn may need and that changes rarely: the service catalogue,
 * the region's kecamatan and desa, holidays and the national regency codes for
 * NIK checks. Loaded once and kept in memory so a turn reads no reference
 * table; `reload()` picks up an admin's edits. Holidays change from another
 * process (`npm run slrt -- holidays add|remove`), so they refresh themselves:
 * reading them after HOLIDAY_REFRESH_MS starts a reload in the background.
 */
import { regencyIndex } from '../areas/wilayah.ts';
import type { RegencyLookup } from '../core/nik.ts';
import { loadHolidaySet } from '../holidays/holiday-records.ts';
import type { Locale } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { Db } from '../store/database.ts';

/** How stale the desk's holidays may get after an admin edits them (5 minutes). */
export const HOLIDAY_REFRESH_MS = 5 * 60_000;

export interface ServiceInfo {
  code: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  slaDays: number;
  urgent: boolean;
  documents: { label: Record<Locale, string>; required: boolean }[];
}

export interface AreaInfo {
  code: string;
  name: string;
}

export class ReferenceData {
  services: ServiceInfo[] = [];
  kecamatan: AreaInfo[] = [];
  readonly #desaByKecamatan = new Map<string, AreaInfo[]>();
  readonly #areaNames = new Map<string, string>();
  #holidays: ReadonlySet<string> = new Set();
  #holidaysLoadedAt = 0;
  #holidaysLoading: Promise<void> | undefined;
  readonly regencies: RegencyLookup = regencyIndex();

  constructor(
    private readonly prisma: Db,
    private readonly logger?: Logger,
  ) {}

  /** `logger` hears about a failed background holiday reload (the desk keeps the old set). */
  static async load(prisma: Db, logger?: Logger): Promise<ReferenceData> {
    const data = new ReferenceData(prisma, logger);
    await data.reload();
    return data;
  }

  async reload(): Promise<void> {
    const [services, areas, holidays] = await Promise.all([
      this.prisma.service.findMany({
        where: { active: true },
        orderBy: { sortOrder: 'asc' },
        include: { documents: { orderBy: { sortOrder: 'asc' } } },
      }),
      this.prisma.area.findMany({
        where: { level: { in: ['kecamatan', 'desa_kelurahan'] } },
        orderBy: { name: 'asc' },
        select: { code: true, name: true, level: true, parentCode: true },
      }),
      loadHolidaySet(this.prisma),
    ]);
    this.services = services.map((s) => ({
      code: s.code,
      name: { id: s.nameId, su: s.nameSu, en: s.nameEn },
      description: { id: s.descriptionId, su: s.descriptionSu, en: s.descriptionEn },
      slaDays: s.slaDays,
      urgent: s.urgent,
      documents: s.documents.map((d) => ({
        label: { id: d.labelId, su: d.labelSu, en: d.labelEn },
        required: d.required,
      })),
    }));
    this.kecamatan = areas
      .filter((a) => a.level === 'kecamatan')
      .map(({ code, name }) => ({ code, name }));
    this.#desaByKecamatan.clear();
    this.#areaNames.clear();
    for (const area of areas) {
      this.#areaNames.set(area.code, area.name);
      if (area.level !== 'desa_kelurahan' || !area.parentCode) continue;
      const list = this.#desaByKecamatan.get(area.parentCode) ?? [];
      list.push({ code: area.code, name: area.name });
      this.#desaByKecamatan.set(area.parentCode, list);
    }
    this.#holidays = holidays;
    this.#holidaysLoadedAt = Date.now();
  }

  /** Days off (Jakarta `YYYY-MM-DD`), at most HOLIDAY_REFRESH_MS behind the table. */
  get holidays(): ReadonlySet<string> {
    if (Date.now() - this.#holidaysLoadedAt > HOLIDAY_REFRESH_MS) void this.reloadHolidays();
    return this.#holidays;
  }

  /**
   * Re-reads the holidays now. A failed read (the database is down) keeps the
   * old set, is logged once, and is tried again one interval later, not on
   * every turn.
   */
  reloadHolidays(): Promise<void> {
    this.#holidaysLoading ??= loadHolidaySet(this.prisma)
      .then((set) => {
        this.#holidays = set;
        this.#holidaysLoadedAt = Date.now();
      })
      .catch((error: unknown) => {
        this.#holidaysLoadedAt = Date.now();
        this.logger?.warn({ err: error }, 'holidays reload failed; keeping the loaded set');
      })
      .finally(() => {
        this.#holidaysLoading = undefined;
      });
    return this.#holidaysLoading;
  }

  desaOf(kecamatanCode: string): AreaInfo[] {
    return this.#desaByKecamatan.get(kecamatanCode) ?? [];
  }

  areaName(code: string): string | undefined {
    return this.#areaNames.get(code);
  }

  service(code: string): ServiceInfo | undefined {
    return this.services.find((s) => s.code === code);
  }
}
