/** `partners import <file.csv>`, `partners list`, `partners remove-examples`, `partners activate|deactivate <code>`. */
import { readFileSync } from 'node:fs';
import { importPartnerCsv, PartnerImportError } from '../../partners/import-partners.ts';
import { deactivateExamplePartners, listPartners } from '../../partners/list-partners.ts';
import { setPartnerActive } from '../../partners/partner-activation.ts';
import { type CliContext, table, UsageError } from '../cli-io.ts';

export async function partnersImportCommand(
  ctx: CliContext,
  file: string | undefined,
): Promise<void> {
  if (!file) throw new UsageError('usage: partners import <file.csv>');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    const result = await importPartnerCsv(ctx.prisma, text);
    ctx.out(`imported: ${result.created} new, ${result.updated} updated`);
  } catch (error) {
    if (!(error instanceof PartnerImportError)) throw error;
    for (const problem of error.problems) ctx.err(problem);
    throw new UsageError(`nothing imported: fix the ${error.problems.length} problem(s) above`);
  }
}

export async function partnersListCommand(ctx: CliContext): Promise<void> {
  const partners = await listPartners(ctx.prisma);
  const rows = partners.map((p) => [
    p.code,
    p.active ? 'active' : 'inactive',
    p.sector,
    p.services.join(';'),
    p.areas.join(';'),
    p.name,
  ]);
  for (const line of table([['CODE', 'STATE', 'SECTOR', 'SERVICES', 'AREAS', 'NAME'], ...rows])) {
    ctx.out(line);
  }
  ctx.out(`${partners.length} partner(s)`);
}

export async function partnersRemoveExamplesCommand(ctx: CliContext): Promise<void> {
  const count = await deactivateExamplePartners(ctx.prisma);
  ctx.out(
    `${count} example partner(s) deactivated. Set SEED_EXAMPLES=false so a new database gets none.`,
  );
}

/** `partners deactivate <code>` / `partners activate <code>`: end or resume a partnership. */
export async function partnersSetActiveCommand(
  ctx: CliContext,
  args: string[],
  active: boolean,
): Promise<void> {
  const verb = active ? 'activate' : 'deactivate';
  const [code, ...extra] = args;
  if (!code || extra.length > 0 || code.startsWith('-')) {
    throw new UsageError(`usage: partners ${verb} <code> (see \`partners list\`)`);
  }
  const result = await setPartnerActive(ctx.prisma, code, active);
  if (!result.found) throw new UsageError(`unknown partner "${code}": see \`partners list\``);
  if (!result.changed) {
    ctx.out(`${code} (${result.name}) is already ${active ? 'active' : 'inactive'}`);
    return;
  }
  ctx.out(
    active
      ? `${code} (${result.name}) is active again: its ${result.contacts} contact(s) can work its referrals.`
      : `${code} (${result.name}) deactivated: its ${result.contacts} contact(s) are refused every command and its unused invites open nothing.`,
  );
}
