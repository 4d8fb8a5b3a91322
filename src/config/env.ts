/**
 * The only module that reads process.env. Every variable is validated here so a
 * wrong value stops the desk at start with one line naming the variable,
 * instead of failing later in the middle of a resident's conversation.
 */
import { z } from 'zod';

/** All business dates (SLA, holidays, reports) are counted in West Indonesia Time. */
export const BUSINESS_TIME_ZONE = 'Asia/Jakarta';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, {
      message: 'expected file:<path> for SQLite or postgresql://user@host:port/db',
    })
    .default('file:./data/slrt.db'),
  REGION_CODE: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, { message: 'expected a Kemendagri kabupaten/kota code like 32.04' })
    .default('32.04'),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    // 0 asks the system for a free port (tests, several desks on one host).
    .min(0, { message: 'expected a port number 0-65535' })
    .max(65535, { message: 'expected a port number 0-65535' })
    .default(8080),
  /** left unset, it follows the simulator: see loadConfig */
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, { message: 'expected a BotFather token like 123456:ABC-DEF…' })
    .optional(),
  TELEGRAM_API_ROOT: z
    .string()
    .url({ message: 'expected a URL like https://api.telegram.org' })
    .default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: z
    .string()
    .url({ message: 'expected the public https URL Telegram should post updates to' })
    .regex(/^https:\/\//, { message: 'expected an https:// URL (Telegram only posts to https)' })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, {
      message: 'expected 16-256 letters, digits, _ or - (openssl rand -hex 32)',
    })
    .optional(),
  WHATSAPP_ENABLED: bool.default(false),
  WHATSAPP_PAIRING_PHONE: z
    .string()
    .transform((v) => v.replace(/[\s+()-]/g, ''))
    .pipe(
      z.string().regex(/^[1-9]\d{7,14}$/, {
        message: 'expected the phone number with country code, digits only, like 6281234567890',
      }),
    )
    .optional(),
  // WhatsApp refuses clients announcing a version it retired (405); this overrides Baileys' bundled one.
  WHATSAPP_WEB_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, {
      message: 'expected the WhatsApp Web version as three numbers, like 2.3000.1027934701',
    })
    .transform((v) => v.split('.').map(Number) as [number, number, number])
    .optional(),
  WHATSAPP_OFFLINE_MAX_AGE_DAYS: z.coerce
    .number({ message: 'expected a number of days' })
    .positive({ message: 'expected a positive number of days' })
    .default(3),
  SIMULATOR_ENABLED: bool.optional(),
  /** left unset, the server's own address: see dashboardBaseUrl in app.ts */
  DASHBOARD_BASE_URL: z
    .string()
    .url({
      message: 'expected the address staff open the dashboard at, like https://slrt.example.go.id',
    })
    .regex(/^https?:\/\/[^/?#]+\/?$/, {
      message: 'expected http(s)://host[:port] without a path, like https://slrt.example.go.id',
    })
    .transform((v) => v.replace(/\/$/, ''))
    .optional(),
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
      message: 'expected 32 random bytes as 64 hex characters or base64 (openssl rand -hex 32)',
    })
    .optional(),
  SEED_EXAMPLES: bool.default(true),
  ATTACHMENTS_DIR: z.string().min(1).default('./data/attachments'),
  ATTACHMENT_MAX_MB: z.coerce
    .number({ message: 'expected a size in megabytes' })
    .positive({ message: 'expected a positive size in megabytes' })
    .max(50, { message: 'expected at most 50 (megabytes)' })
    .default(10),
  INVITE_TTL_HOURS: z.coerce
    .number({ message: 'expected a number of hours' })
    .int()
    .positive({ message: 'expected a positive number of hours' })
    .default(72),
  OUTBOX_RETENTION_DAYS: z.coerce
    .number({ message: 'expected a number of days' })
    .int({ message: 'expected a whole number of days' })
    .min(1, { message: 'expected at least 1 day' })
    .max(3650, { message: 'expected at most 3650 days' })
    .default(7),
  // /metrics carries counts and timings only, no personal data; off when no one scrapes it.
  METRICS_ENABLED: bool.default(true),
  SLA_SWEEP_SECONDS: z.coerce
    .number({ message: 'expected a number of seconds' })
    .int({ message: 'expected a whole number of seconds' })
    .min(5, { message: 'expected at least 5 seconds' })
    .max(3600, { message: 'expected at most 3600 seconds' })
    .default(60),
});

export type Config = Omit<z.infer<typeof envSchema>, 'HOST'> & {
  /** the bind address: as set, else 127.0.0.1 with the simulator on, else 0.0.0.0 */
  HOST: string;
  /** whether HOST came from the environment rather than from the default */
  hostSet: boolean;
  databaseProvider: 'sqlite' | 'postgresql';
  /** the browser simulator: on by default only when no real channel is configured */
  simulator: boolean;
};

/** Thrown with a message fit to print as the only line before exiting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment. Empty strings count as unset, so a copied
 * .env.example with blank values still starts the desk with defaults.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const data = parsed.data;
  if (data.TELEGRAM_WEBHOOK_URL && !data.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL, so only Telegram can post updates',
    );
  }
  const databaseProvider = data.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql';
  const simulator = data.SIMULATOR_ENABLED ?? (!data.TELEGRAM_BOT_TOKEN && !data.WHATSAPP_ENABLED);
  // Whoever reaches the simulator can mint petugas invites and work tickets,
  // so by default only this machine may open it.
  const HOST = data.HOST ?? (simulator ? '127.0.0.1' : '0.0.0.0');
  return { ...data, HOST, hostSet: data.HOST !== undefined, databaseProvider, simulator };
}
