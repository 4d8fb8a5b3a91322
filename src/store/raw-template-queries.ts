/**
 * The part both databases' fast raw-query paths share (sqlite-raw-queries.ts,
 * pg-raw-queries.ts): a turn's transaction client whose `$queryRaw` and
 * `$executeRaw` tagged-template calls are offered to the driver first. A call
 * that is not a tagged template (a `Prisma.sql` object) goes to Prisma as it is.
 */
import type { Tx } from './database.ts';

export type RawMode = 'query' | 'execute';

/**
 * Answers one call on the driver, or hands it back with `prisma()`. `strings`
 * is the same object at every call of one call site, so it keys per-site caches.
 */
export type RawAnswer = (
  strings: TemplateStringsArray,
  values: unknown[],
  mode: RawMode,
  prisma: () => Promise<unknown>,
) => Promise<unknown>;

export function answeringRawTemplates(tx: Tx, answer: RawAnswer): Tx {
  const call = (target: Tx, mode: RawMode, args: unknown[]) => {
    const prisma = () =>
      (mode === 'query' ? target.$queryRaw : target.$executeRaw).apply(
        target,
        args as Parameters<Tx['$queryRaw']>,
      );
    const [strings, ...values] = args;
    return isTemplate(strings) ? answer(strings, values, mode, prisma) : prisma();
  };
  return new Proxy(tx, {
    get(target, property) {
      if (property === '$queryRaw') return (...args: unknown[]) => call(target, 'query', args);
      if (property === '$executeRaw') return (...args: unknown[]) => call(target, 'execute', args);
      return Reflect.get(target, property);
    },
  });
}

function isTemplate(value: unknown): value is TemplateStringsArray {
  return Array.isArray(value) && 'raw' in value;
}
