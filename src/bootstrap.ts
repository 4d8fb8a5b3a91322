/**
 * What every entry point (the desk, the admin CLI) needs before doing anything:
 * the personal-data key, a migrated database with no free text left in clear,
 * and the seeded region.
 */
import type { Config } from './config/env.ts';
import type { Logger } from './log.ts';
import { resolveDataKey } from './security/data-key.ts';
import { FieldCipher } from './security/field-cipher.ts';
import { type SeedResult, seed } from './seed/seed.ts';
import { type Database, openDatabase } from './store/database.ts';
import { describeDatabase, parseDatabaseUrl } from './store/database-url.ts';
import { migrate } from './store/migrate.ts';
import { sealPlainFreeText } from './tickets/plain-free-text.ts';

export interface Foundation {
  db: Database;
  cipher: FieldCipher;
  seeded: SeedResult;
}

export async function prepareFoundation(config: Config, logger: Logger): Promise<Foundation> {
  const target = parseDatabaseUrl(config.DATABASE_URL);
  const key = resolveDataKey({
    configuredKey: config.DATA_ENCRYPTION_KEY,
    sqliteFile:
      target.provider === 'sqlite' && target.file !== ':memory:' ? target.file : undefined,
  });
  if (key.kind === 'file' && key.created) {
    logger.warn(
      { keyFile: key.path },
      'created a new data encryption key; back this file up (without it NIK/KK data cannot be read) or set DATA_ENCRYPTION_KEY',
    );
  }
  const migration = await migrate(config.DATABASE_URL);
  if (migration.applied.length > 0) {
    logger.info({ applied: migration.applied }, 'database migrated');
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const seeded = await seed(db.prisma, {
      regionCode: config.REGION_CODE,
      examples: config.SEED_EXAMPLES,
    });
    logger.info(
      {
        database: describeDatabase(target),
        region: `${config.REGION_CODE} ${seeded.regionName}`,
        ...seeded,
      },
      'data ready',
    );
    const cipher = new FieldCipher(key.key);
    // Before anything reads them: readers open free text strictly.
    const sealed = await sealPlainFreeText(db.prisma, cipher);
    if (Object.keys(sealed).length > 0) logger.info({ sealed }, 'sealed free text kept in clear');
    return { db, cipher, seeded };
  } catch (error) {
    await db.close();
    throw error;
  }
}
