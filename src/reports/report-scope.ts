/**
 * Which units' tickets a report counts: a petugas their own unit, a
 * koordinator their unit and every unit below it, an admin everything.
 */
export interface ReportScope {
  unitIds: string[] | 'all';
}
