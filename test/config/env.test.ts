import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.ts';

const KEY = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('starts with zero configuration: SQLite in ./data, Kabupaten Bandung, port 8080', () => {
    expect(loadConfig({})).toMatchObject({
      DATABASE_URL: 'file:./data/slrt.db',
      databaseProvider: 'sqlite',
      REGION_CODE: '32.04',
      PORT: 8080,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      WHATSAPP_ENABLED: false,
      SEED_EXAMPLES: true,
      INVITE_TTL_HOURS: 72,
      OUTBOX_RETENTION_DAYS: 7,
      SLA_SWEEP_SECONDS: 60,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
    });
    expect(loadConfig({}).TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(loadConfig({}).DATA_ENCRYPTION_KEY).toBeUndefined();
  });

  it('selects PostgreSQL from a postgresql:// or postgres:// URL', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://slrt:rahasia@db:5432/slrt' }).databaseProvider,
    ).toBe('postgresql');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/slrt' }).databaseProvider).toBe('postgresql');
  });

  it('reads the values it is given', () => {
    expect(
      loadConfig({
        REGION_CODE: '32.73',
        PORT: '3000',
        WHATSAPP_ENABLED: 'yes',
        SEED_EXAMPLES: 'false',
        DATA_ENCRYPTION_KEY: KEY,
        INVITE_TTL_HOURS: '24',
        OUTBOX_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      REGION_CODE: '32.73',
      PORT: 3000,
      WHATSAPP_ENABLED: true,
      SEED_EXAMPLES: false,
      DATA_ENCRYPTION_KEY: KEY,
      INVITE_TTL_HOURS: 24,
      OUTBOX_RETENTION_DAYS: 30,
    });
  });

  it('opens the simulator only when no real channel is configured, unless told', () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(loadConfig({}).simulator).toBe(true);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token }).simulator).toBe(false);
    expect(loadConfig({ WHATSAPP_ENABLED: 'true' }).simulator).toBe(false);
    expect(loadConfig({ WHATSAPP_ENABLED: 'true', SIMULATOR_ENABLED: 'true' }).simulator).toBe(
      true,
    );
    expect(loadConfig({ SIMULATOR_ENABLED: 'false' }).simulator).toBe(false);
  });

  describe('HOST', () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';

    it('listens on this machine only while the simulator is on and HOST is unset', () => {
      expect(loadConfig({})).toMatchObject({ simulator: true, HOST: '127.0.0.1', hostSet: false });
      expect(loadConfig({ HOST: '' })).toMatchObject({ HOST: '127.0.0.1', hostSet: false });
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: token, SIMULATOR_ENABLED: 'true' })).toMatchObject({
        simulator: true,
        HOST: '127.0.0.1',
      });
    });

    it('listens on every interface by default once the simulator is off', () => {
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: token })).toMatchObject({
        simulator: false,
        HOST: '0.0.0.0',
        hostSet: false,
      });
      expect(loadConfig({ SIMULATOR_ENABLED: 'false' }).HOST).toBe('0.0.0.0');
    });

    it('keeps a HOST that is set, simulator or not', () => {
      expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({
        simulator: true,
        HOST: '0.0.0.0',
        hostSet: true,
      });
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: token, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    });
  });

  it('takes a pairing phone written the way people write it, and keeps only digits', () => {
    expect(loadConfig({ WHATSAPP_PAIRING_PHONE: '+62 812-3456-7890' }).WHATSAPP_PAIRING_PHONE).toBe(
      '6281234567890',
    );
  });

  it('reads the WhatsApp Web version as Baileys wants it, and the offline-message cutoff in days', () => {
    expect(loadConfig({}).WHATSAPP_WEB_VERSION).toBeUndefined();
    expect(loadConfig({}).WHATSAPP_OFFLINE_MAX_AGE_DAYS).toBe(3);
    expect(
      loadConfig({ WHATSAPP_WEB_VERSION: '2.3000.1027934701', WHATSAPP_OFFLINE_MAX_AGE_DAYS: '7' }),
    ).toMatchObject({
      WHATSAPP_WEB_VERSION: [2, 3000, 1027934701],
      WHATSAPP_OFFLINE_MAX_AGE_DAYS: 7,
    });
    expect(() => loadConfig({ WHATSAPP_WEB_VERSION: '2.3000' })).toThrow(
      /^Invalid WHATSAPP_WEB_VERSION: expected the WhatsApp Web version as three numbers/,
    );
    expect(() => loadConfig({ WHATSAPP_OFFLINE_MAX_AGE_DAYS: '0' })).toThrow(
      /^Invalid WHATSAPP_OFFLINE_MAX_AGE_DAYS/,
    );
  });

  it('refuses a Telegram webhook without its secret, naming the missing variable', () => {
    expect(() =>
      loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://desk.example.id/telegram/webhook' }),
    ).toThrow(/^Invalid TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL/);
  });

  it('accepts PORT=0, which picks a free port', () => {
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
  });

  it('treats empty values as unset, so a copied .env.example with blanks still starts', () => {
    const config = loadConfig({
      DATABASE_URL: '',
      REGION_CODE: ' ',
      PORT: '',
      WHATSAPP_ENABLED: '',
      DATA_ENCRYPTION_KEY: '',
      TELEGRAM_BOT_TOKEN: '',
    });
    expect(config).toMatchObject({
      DATABASE_URL: 'file:./data/slrt.db',
      REGION_CODE: '32.04',
      PORT: 8080,
      WHATSAPP_ENABLED: false,
    });
    expect(config.DATA_ENCRYPTION_KEY).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['REGION_CODE', '3204'],
    ['WHATSAPP_ENABLED', 'maybe'],
    ['DATA_ENCRYPTION_KEY', 'short'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['TELEGRAM_BOT_TOKEN', 'not-a-token'],
    ['TELEGRAM_WEBHOOK_URL', 'http://desk.example.id/telegram/webhook'],
    ['TELEGRAM_WEBHOOK_SECRET', 'short'],
    ['WHATSAPP_PAIRING_PHONE', '0812-3456-7890'],
    ['SIMULATOR_ENABLED', 'kadang'],
    ['OUTBOX_RETENTION_DAYS', '0'],
    ['OUTBOX_RETENTION_DAYS', '1.5'],
    ['SLA_SWEEP_SECONDS', '1'],
    ['SLA_SWEEP_SECONDS', 'often'],
  ])('stops with one line naming %s when it is %j', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message.startsWith(`Invalid ${name}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });
});
