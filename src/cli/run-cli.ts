/**
 * The admin CLI (`npm run slrt -- <command>`). Every command runs on a
 * migrated and seeded database, so it works on a fresh clone before the first
 * `npm start`. Returns the exit code instead of exiting, for tests.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { prepareFoundation } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config/env.ts';
import { createLogger } from '../log.ts';
import { type CliContext, type CliIo, UsageError } from './cli-io.ts';
import { auditCommand, auditOptions } from './commands/audit.ts';
import {
  holidaysAddCommand,
  holidaysListCommand,
  holidaysRemoveCommand,
} from './commands/holidays.ts';
import { inviteCommand, inviteOptions } from './commands/invite.ts';
import { outboxFailedCommand, outboxRetryCommand } from './commands/outbox.ts';
import {
  partnersImportCommand,
  partnersListCommand,
  partnersRemoveExamplesCommand,
  partnersSetActiveCommand,
} from './commands/partners.ts';
import { staffListCommand, staffRevokeCommand } from './commands/staff.ts';
import { unitsListCommand, unitsListOptions } from './commands/units.ts';

export const USAGE = `usage: npm run slrt -- <command>

  audit --ticket <CODE>          a ticket's whole audit trail (times in WIB; messages stay sealed)
  audit --actor <staff id>       what one staff member did, across tickets
        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv [--out <file>]]   CSV file is written 0600
  holidays list [YEAR]           days off of a year (default: this year)
  holidays add YYYY-MM-DD "name" [--kind cuti_bersama|lokal|nasional]   default kind: cuti_bersama
  holidays remove YYYY-MM-DD     make a day a working day again
  invite --role <petugas|koordinator|mitra|admin> --unit <kode> [--partner <code>] [--hours <n>]
  partners import <file.csv>     columns: code,name,sector,services,areas,contact,description
  partners list
  partners remove-examples       deactivate the "(contoh)" partners
  partners deactivate <code>     end a partnership: its contacts are refused every command
  partners activate <code>       resume it
  staff list [--unit <kode>] [--role <role>]   staff and partner contacts (names masked)
  staff revoke <id> [--reason "…"]             end one's access (the ID of staff list)
  outbox failed [--limit <n>]    messages the desk gave up on (chat masked, never the text)
  outbox retry <id>… | --all     queue them again; a running desk sends them within seconds
  units list [--under <kode>]
  seed                           load areas, units, catalogue (idempotent)
  migrate                        apply migrations to DATABASE_URL`;

type Command = (ctx: CliContext, args: string[]) => Promise<void>;

function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

const COMMANDS: Record<string, Command> = {
  audit: (ctx, args) => auditCommand(ctx, options(args, auditOptions)),
  'outbox failed': outboxFailedCommand,
  'outbox retry': outboxRetryCommand,
  'holidays list': holidaysListCommand,
  'holidays add': holidaysAddCommand,
  'holidays remove': holidaysRemoveCommand,
  invite: (ctx, args) => inviteCommand(ctx, options(args, inviteOptions)),
  'partners import': (ctx, args) => {
    if (args.length > 1) throw new UsageError('usage: partners import <file.csv>');
    return partnersImportCommand(ctx, args[0]);
  },
  'partners list': (ctx, args) => {
    options(args, {});
    return partnersListCommand(ctx);
  },
  'partners remove-examples': (ctx, args) => {
    options(args, {});
    return partnersRemoveExamplesCommand(ctx);
  },
  'partners deactivate': (ctx, args) => partnersSetActiveCommand(ctx, args, false),
  'partners activate': (ctx, args) => partnersSetActiveCommand(ctx, args, true),
  'staff list': staffListCommand,
  'staff revoke': staffRevokeCommand,
  'units list': (ctx, args) => unitsListCommand(ctx, options(args, unitsListOptions)),
  // The foundation already migrated and seeded; these report what that did.
  seed: async (ctx, args) => {
    options(args, {});
    ctx.out('seed complete');
  },
  migrate: async (ctx, args) => {
    options(args, {});
    ctx.out('database is up to date');
  },
};

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const two = `${argv[0]} ${argv[1]}`;
  if (COMMANDS[two]) return { command: COMMANDS[two], rest: argv.slice(2) };
  const one = argv[0] ?? '';
  if (COMMANDS[one] && !one.includes(' ')) return { command: COMMANDS[one], rest: argv.slice(1) };
  return undefined;
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    io.out(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`error: unknown command "${argv.join(' ')}"`);
    io.err(USAGE);
    return 1;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  // Only warnings reach the terminal: stdout stays clean for scripts reading the last line.
  const logger = createLogger(config.LOG_LEVEL === 'silent' ? 'silent' : 'warn', process.stderr);
  const foundation = await prepareFoundation(config, logger);
  try {
    await found.command(
      { ...io, config, prisma: foundation.db.prisma, cipher: foundation.cipher },
      found.rest,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await foundation.db.close();
  }
}
