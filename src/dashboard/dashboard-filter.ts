/**
 * The dashboard's filter: a period as /laporan reads it (`periode`) and an
 * area (`wilayah`, a kecamatan or desa code). A viewer may only narrow to an
 * area inside their own unit's area; anything else is refused, never widened.
 */
import { periodSpec, type ReportPeriod, resolvePeriod } from '../reports/report-period.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';

export interface DashboardFilter {
  /** what the viewer typed or picked, shown back in the form */
  periodText: string;
  period: ReportPeriod;
  /** null: the viewer's whole area */
  areaCode: string | null;
}

export type FilterProblem = 'dashboard.period.invalid' | 'dashboard.area.outside';

export type FilterResult =
  | { ok: true; filter: DashboardFilter }
  | { ok: false; problem: FilterProblem };

/** Whether `code` is the viewer's area or lies below it (Kemendagri codes nest by prefix). */
export function withinArea(viewerArea: string, code: string): boolean {
  return code === viewerArea || code.startsWith(`${viewerArea}.`);
}

export function readFilter(
  params: URLSearchParams,
  viewerArea: string,
  ref: Pick<ReferenceData, 'areaName'>,
  now: Date,
): FilterResult {
  const periodText = (params.get('periode') ?? '').trim().slice(0, 40) || 'bulan ini';
  const spec = periodSpec.safeParse(periodText);
  if (!spec.success) return { ok: false, problem: 'dashboard.period.invalid' };
  // The viewer's own area is the same as no narrowing (an admin's kabupaten is no kecamatan or desa).
  const typed = (params.get('wilayah') ?? '').trim();
  const wilayah = typed === viewerArea ? '' : typed;
  if (wilayah !== '' && (!withinArea(viewerArea, wilayah) || !ref.areaName(wilayah))) {
    return { ok: false, problem: 'dashboard.area.outside' };
  }
  return {
    ok: true,
    filter: {
      periodText,
      period: resolvePeriod(spec.data, now),
      areaCode: wilayah === '' ? null : wilayah,
    },
  };
}

export interface AreaGroup {
  kecamatan: { code: string; name: string };
  desa: { code: string; name: string }[];
}

/** The kecamatan (each with its desa) a viewer may pick from. */
export function areaChoices(
  viewerArea: string,
  ref: Pick<ReferenceData, 'kecamatan' | 'desaOf'>,
): AreaGroup[] {
  return ref.kecamatan
    .filter((k) => withinArea(viewerArea, k.code))
    .map((kecamatan) => ({
      kecamatan,
      desa: ref.desaOf(kecamatan.code).filter((d) => withinArea(viewerArea, d.code)),
    }));
}
