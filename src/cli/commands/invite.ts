/** `invite --role <role> --unit <kode> [--partner <code>]`: prints the one-time code on its last line. */
import { z } from 'zod';
import { createInvite, InviteRequestError } from '../../staff/create-invite.ts';
import { STAFF_ROLES } from '../../staff/roles.ts';
import { type CliContext, UsageError } from '../cli-io.ts';

const argsSchema = z.object({
  role: z.enum(STAFF_ROLES, {
    error: (issue) =>
      issue.input === undefined
        ? `--role is required: one of ${STAFF_ROLES.join(', ')}`
        : `--role "${String(issue.input)}" is not a role; use one of ${STAFF_ROLES.join(', ')}`,
  }),
  unit: z
    .string({ message: '--unit <kode> is required, e.g. --unit 32.04.05.2001' })
    .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, {
      message: '--unit must be a unit code like 32.04, 32.04.05 or 32.04.05.2001',
    }),
  partner: z.string().min(1).optional(),
  hours: z.coerce
    .number()
    .int()
    .positive({ message: '--hours must be a positive number' })
    .optional(),
});

export const inviteOptions = {
  role: { type: 'string' },
  unit: { type: 'string' },
  partner: { type: 'string' },
  hours: { type: 'string' },
} as const;

export async function inviteCommand(
  ctx: CliContext,
  values: Record<string, unknown>,
): Promise<void> {
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid arguments');
  const args = parsed.data;
  try {
    const invite = await createInvite(ctx.prisma, ctx.cipher, {
      role: args.role,
      unitCode: args.unit,
      partnerCode: args.partner,
      ttlHours: args.hours ?? ctx.config.INVITE_TTL_HOURS,
    });
    const forWhom = invite.partnerName
      ? `${invite.partnerName}, via ${invite.unitName}`
      : invite.unitName;
    ctx.out(
      `Invite for a ${invite.role} of ${forWhom}, valid until ${invite.expiresAt.toISOString()}.`,
    );
    ctx.out('Send this code privately; it works once. In the desk chat type: /masuk CODE');
    ctx.out(invite.code);
  } catch (error) {
    if (error instanceof InviteRequestError) throw new UsageError(error.message);
    throw error;
  }
}
