/**
 * Creates a one-time invite that binds whoever redeems it to a role, a unit
 * and (for partner contacts) a partner. Roles are only ever granted this way.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { inviteCodeHash, newInviteCode } from './invite-code.ts';
import type { StaffRole } from './roles.ts';

export interface InviteRequest {
  role: StaffRole;
  unitCode: string;
  partnerCode?: string | undefined;
  ttlHours: number;
  createdById?: string | undefined;
  now?: Date;
}

export interface CreatedInvite {
  code: string;
  role: StaffRole;
  unitName: string;
  partnerName: string | null;
  expiresAt: Date;
}

/** Why a request cannot become an invite, for an answer in the asker's language. */
export type InviteRefusal =
  | 'unknownUnit'
  | 'wrongLevel'
  | 'partnerMissing'
  | 'unknownPartner'
  | 'partnerNotForRole';

/** A request that cannot become an invite; the message is fit to show the admin on the CLI. */
export class InviteRequestError extends Error {
  override name = 'InviteRequestError';
  constructor(
    message: string,
    readonly reason: InviteRefusal,
  ) {
    super(message);
  }
}

export const UNIT_LEVELS_FOR_ROLE: Record<StaffRole, readonly string[]> = {
  petugas: ['desa', 'kelurahan'],
  koordinator: ['kecamatan', 'kabupaten', 'kota'],
  mitra: ['desa', 'kelurahan', 'kecamatan', 'kabupaten', 'kota'],
  admin: ['kabupaten', 'kota'],
};

/** Works in a transaction (a chat command's) or on the client (the CLI). */
export async function createInvite(
  prisma: Tx,
  cipher: FieldCipher,
  request: InviteRequest,
): Promise<CreatedInvite> {
  const unit = await prisma.unit.findUnique({ where: { code: request.unitCode } });
  if (!unit?.active) {
    throw new InviteRequestError(
      `unknown unit "${request.unitCode}": use a code from \`npm run slrt -- units list\``,
      'unknownUnit',
    );
  }
  const allowedLevels = UNIT_LEVELS_FOR_ROLE[request.role];
  if (!allowedLevels.includes(unit.level)) {
    throw new InviteRequestError(
      `a ${request.role} belongs to a ${allowedLevels.join(' or ')} unit, but ${unit.code} (${unit.name}) is a ${unit.level}`,
      'wrongLevel',
    );
  }
  let partner: { id: string; name: string } | null = null;
  if (request.role === 'mitra') {
    if (!request.partnerCode) {
      throw new InviteRequestError(
        'a mitra invite needs --partner <code> (see `partners list`)',
        'partnerMissing',
      );
    }
    partner = await prisma.partner.findFirst({
      where: { code: request.partnerCode, active: true },
      select: { id: true, name: true },
    });
    if (!partner)
      throw new InviteRequestError(
        `unknown or inactive partner "${request.partnerCode}"`,
        'unknownPartner',
      );
  } else if (request.partnerCode) {
    throw new InviteRequestError(
      `--partner is only for role mitra, not ${request.role}`,
      'partnerNotForRole',
    );
  }

  const now = request.now ?? new Date();
  const expiresAt = new Date(now.getTime() + request.ttlHours * 3_600_000);
  const code = newInviteCode();
  await prisma.invite.create({
    data: {
      codeHash: inviteCodeHash(cipher, code),
      role: request.role,
      unitId: unit.id,
      partnerId: partner?.id ?? null,
      createdById: request.createdById ?? null,
      expiresAt,
    },
  });
  return {
    code,
    role: request.role,
    unitName: unit.name,
    partnerName: partner?.name ?? null,
    expiresAt,
  };
}
