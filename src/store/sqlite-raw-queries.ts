/**
 * A turn's `tx.$queryRaw` and `tx.$executeRaw` on SQLite, run as cached
 * prepared statements on the connection the turn's transaction is open on
 * instead of through Prisma's query compiler and interpreter. The hot reads a
 * status check and a filing make (their tickets, the NIK holder, the unit,
 * the tracking code) are written as raw SQL already; through Prisma each
 * still cost a compile in WebAssembly, several times the statement itself.
 *
 * Rows come back as Prisma would hand them back: DATETIME columns as Date,
 * BOOLEAN as boolean, INTEGER as number, and a computed integer (COUNT,
 * EXISTS) as bigint. A query with a nested Prisma.sql fragment or any other
 * value this cannot bind goes to Prisma unchanged.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Tx } from './database.ts';
import { answeringRawTemplates } from './raw-template-queries.ts';
import { perConnectionAndKey } from './sqlite-prepared.ts';
import { stored } from './sqlite-turn-statements.ts';

type Bindable = string | number | bigint | null;

interface Prepared {
  statement: BetterSqlite3.Statement;
  convert: ((row: Record<string, unknown>) => Record<string, unknown>) | null;
}

function bindable(value: unknown): Bindable | undefined {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    default:
      return value instanceof Date ? stored(value) : undefined;
  }
}

const INTEGER = new Set(['INT', 'INTEGER', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'SERIAL', 'INT2']);

function columnReader(declared: string | null): ((value: unknown) => unknown) | null {
  const type = declared?.toUpperCase() ?? '';
  if (INTEGER.has(type)) return (value) => (value === null ? null : Number(value));
  if (type === 'DATETIME' || type === 'TIMESTAMP') {
    return (value) =>
      value === null ? null : new Date(typeof value === 'bigint' ? Number(value) : String(value));
  }
  if (type === 'BOOLEAN') return (value) => (value === null ? null : Boolean(value));
  return null;
}

function rowConverter(statement: BetterSqlite3.Statement): Prepared['convert'] {
  const readers = statement
    .columns()
    .map((column) => [column.name, columnReader(column.type)] as const)
    .filter((entry): entry is readonly [string, (value: unknown) => unknown] => entry[1] !== null);
  if (readers.length === 0) return null;
  return (row) => {
    for (const [name, read] of readers) row[name] = read(row[name]);
    return row;
  };
}

/**
 * Per database: `tx` of each batch with its raw template queries answered on
 * `connection()`, one prepared statement per call site.
 */
export function sqliteRawQueries(connection: () => BetterSqlite3.Database): (tx: Tx) => Tx {
  // A tagged template's strings array is the same object at every call of one call site.
  const prepared = perConnectionAndKey(
    connection,
    (on, strings: TemplateStringsArray): Prepared => {
      // Integers as bigint, as Prisma's adapter reads them, so a computed one stays a bigint.
      const statement = on.prepare(strings.join('?')).safeIntegers(true);
      return { statement, convert: statement.reader ? rowConverter(statement) : null };
    },
  );
  return (tx) =>
    answeringRawTemplates(tx, (strings, values, mode, prisma) => {
      const bound = values.map(bindable);
      if (bound.includes(undefined)) return prisma();
      try {
        const { statement, convert } = prepared(strings);
        if (mode === 'execute') return Promise.resolve(statement.run(...bound).changes);
        const rows = statement.all(...bound) as Record<string, unknown>[];
        return Promise.resolve(convert ? rows.map(convert) : rows);
      } catch (error) {
        return Promise.reject(error);
      }
    });
}
