/**
 * A turn's `tx.$queryRaw` and `tx.$executeRaw` on PostgreSQL, run as named
 * prepared statements on the turn's own connection (pg-transaction-connection.ts)
 * instead of through Prisma's query compiler: a filing's duplicate check, NIK
 * holder, unit and tracking code, a status check's ticket and timeline.
 *
 * Rows come back as Prisma would hand them back. That is certain only for the
 * column types below; a SELECT that returns any other (numeric, json, arrays)
 * is read again through Prisma, and its call site goes to Prisma from then on.
 * A query with a nested Prisma.sql fragment or a value this cannot bind goes to
 * Prisma unchanged, and so does any $queryRaw that is not a plain SELECT.
 */
import type pg from 'pg';
import type { Tx } from './database.ts';
import { type Queryable, withoutRowValues } from './pg-transaction-connection.ts';
import { pgTypes } from './pg-turn-statements.ts';
import { answeringRawTemplates } from './raw-template-queries.ts';

/** bool, int8, int2, int4, text, float4, float8, varchar, timestamp, timestamptz */
const READ_AS_PRISMA = new Set([16, 20, 21, 23, 25, 700, 701, 1043, 1114, 1184]);
const INT8 = 20;

const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => BigInt(value)
      : pgTypes.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

type Bindable = string | number | null;

function bindable(value: unknown): Bindable | undefined {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
      return value;
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return value instanceof Date ? value.toISOString() : undefined;
  }
}

interface CallSite {
  name: string;
  text: string;
  /** only a plain SELECT may be run here and then, if need be, again through Prisma */
  plainSelect: boolean;
  /** a SELECT whose columns Prisma reads differently: not run here again */
  prismaOnly: boolean;
}

/** One entry per call site: a tagged template's strings array is the same object every call. */
const SITES = new WeakMap<TemplateStringsArray, CallSite>();
let sites = 0;

function siteOf(strings: TemplateStringsArray): CallSite {
  let site = SITES.get(strings);
  if (!site) {
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    sites += 1;
    site = {
      name: `slrt_raw_${sites}`,
      text,
      plainSelect: /^\s*SELECT\b/i.test(text),
      prismaOnly: false,
    };
    SITES.set(strings, site);
  }
  return site;
}

/** `tx` with its raw template queries answered on `connection`. */
export function pgRawQueries(tx: Tx, connection: Queryable): Tx {
  return answeringRawTemplates(tx, async (strings, values, mode, prisma) => {
    const bound = values.map(bindable);
    if (bound.includes(undefined)) return prisma();
    const site = siteOf(strings);
    if (site.prismaOnly || (mode === 'query' && !site.plainSelect)) return prisma();
    const result = await connection
      .query({ name: site.name, text: site.text, values: bound, types })
      .catch(withoutRowValues);
    if (mode === 'execute') return result.rowCount ?? 0;
    if (result.fields.every((field) => READ_AS_PRISMA.has(field.dataTypeID))) return result.rows;
    site.prismaOnly = true;
    return prisma();
  });
}
