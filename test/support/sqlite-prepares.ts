/**
 * Records the SQL of every statement prepared on any better-sqlite3
 * connection in this process until `restore()`: how a test sees what the
 * desk prepares on the connection Prisma's adapter holds, and how often.
 */
import BetterSqlite3 from 'better-sqlite3';

export function recordSqlitePrepares(): { sources: string[]; restore(): void } {
  const sources: string[] = [];
  const prepare = BetterSqlite3.prototype.prepare;
  BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
    sources.push(source);
    return prepare.call(this, source);
  } as typeof prepare;
  return {
    sources,
    restore() {
      BetterSqlite3.prototype.prepare = prepare;
    },
  };
}
