/**
 * Finds or creates the citizen behind a filing, by the keyed hash of their
 * NIK, and links the chat identity to them. Name, NIK and KK are stored
 * encrypted; only the hashes are searchable.
 *
 * A NIK is printed on many papers, so typing one proves nothing. Only a chat
 * that already speaks for the resident holding it may change their record;
 * any other chat gets a claim for staff to check (see nik-claim.ts), and
 * neither the record nor the link to the resident's other tickets.
 */

import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { sortableId } from '../store/sortable-id.ts';
import type { TurnStatements } from '../store/turn-statements.ts';
import { NIK_CLAIM_EVENT, type NikClaim } from './nik-claim.ts';

export interface PersonDetails {
  name?: string | undefined;
  nik?: string | undefined;
  kk?: string | undefined;
  domicileCode?: string | undefined;
  locale?: string | undefined;
}

export function nikHash(cipher: FieldCipher, nik: string): string {
  return cipher.lookupHash('nik', nik);
}

export function kkHash(cipher: FieldCipher, kk: string): string {
  return cipher.lookupHash('kk', kk);
}

export interface NikHolder {
  id: string;
  nameEnc: string | null;
  kkHash: string | null;
  /** this chat's identity points at the holder */
  linked: boolean;
  /** this chat is linked to the holder, or filed for them before without a claim */
  ownChat: boolean;
}

/** The resident already registered with this NIK, seen from the chat typing it. */
export async function findNikHolder(
  tx: Tx,
  cipher: FieldCipher,
  identityId: string,
  nik: string,
): Promise<NikHolder | null> {
  // Raw: asked on every NIK typed and again at filing, and as a model query with
  // the identities relation it took two statements.
  const [citizen] = await tx.$queryRaw<
    {
      id: string;
      nameEnc: string | null;
      kkHash: string | null;
      linked: boolean | number | bigint;
    }[]
  >`SELECT c."id", c."nameEnc", c."kkHash",
      EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."id" = ${identityId} AND i."citizenId" = c."id") AS "linked"
    FROM "Citizen" c WHERE c."nikHash" = ${nikHash(cipher, nik)}`;
  if (!citizen) return null;
  // A parent's chat that filed for a child is linked to the child now; it
  // still speaks for itself, as the tickets it filed for itself show.
  // SQLite answers EXISTS with 0/1, PostgreSQL with false/true.
  const linked = Number(citizen.linked) === 1;
  const ownChat =
    linked ||
    (await tx.ticket.count({
      where: {
        citizenId: citizen.id,
        originIdentityId: identityId,
        events: { none: { type: NIK_CLAIM_EVENT } },
      },
    })) > 0;
  return { id: citizen.id, nameEnc: citizen.nameEnc, kkHash: citizen.kkHash, linked, ownChat };
}

export interface CitizenLink {
  citizenId: string;
  /** set when the NIK belongs to a resident this chat does not speak for */
  claim: NikClaim | null;
}

export async function upsertCitizen(
  tx: Tx,
  sql: TurnStatements,
  cipher: FieldCipher,
  identityId: string,
  person: PersonDetails,
  now: Date,
  /** the NIK's holder if the caller looked it up already (null: none); looked up when omitted */
  knownHolder?: NikHolder | null,
): Promise<CitizenLink> {
  const holder =
    knownHolder !== undefined
      ? knownHolder
      : person.nik
        ? await findNikHolder(tx, cipher, identityId, person.nik)
        : null;
  if (holder && !holder.ownChat) {
    return { citizenId: holder.id, claim: claimAgainst(cipher, holder, person) };
  }
  const fields = {
    ...(person.name ? { nameEnc: cipher.encrypt(person.name) } : {}),
    ...(person.nik
      ? { nikEnc: cipher.encrypt(person.nik), nikHash: nikHash(cipher, person.nik) }
      : {}),
    ...(person.kk ? { kkEnc: cipher.encrypt(person.kk), kkHash: kkHash(cipher, person.kk) } : {}),
    ...(person.domicileCode ? { domicileCode: person.domicileCode } : {}),
    ...(person.locale ? { locale: person.locale } : {}),
  };
  // The NIK decides who this is: its holder, or someone new. A chat identity
  // that filed for someone else before is re-linked to the person it now files
  // for; the holder's lookup already said whether it points at them. Without
  // a NIK the person is whoever the chat filed for before, if anyone.
  const citizenId = person.nik ? (holder?.id ?? null) : await linkedCitizen(tx, identityId);
  const citizen = { id: citizenId ?? sortableId() };
  if (citizenId) await sql.updateCitizen({ ...citizen, ...fields, now });
  else await sql.insertCitizen({ ...citizen, ...fields, now });
  const alreadyLinked = person.nik ? holder?.linked === true : citizenId !== null;
  if (!alreadyLinked) {
    // Raw single-row statements: this runs on every filing.
    const updated =
      await tx.$executeRaw`UPDATE "ChannelIdentity" SET "citizenId" = ${citizen.id} WHERE "id" = ${identityId}`;
    if (updated === 0) throw new Error('the filing chat identity is gone');
  }
  return { citizenId: citizen.id, claim: null };
}

/** The citizen the chat identity points at, if any. */
async function linkedCitizen(tx: Tx, identityId: string): Promise<string | null> {
  const [identity] = await tx.$queryRaw<{ citizenId: string | null }[]>`
    SELECT "citizenId" FROM "ChannelIdentity" WHERE "id" = ${identityId}`;
  if (!identity) throw new Error('the filing chat identity is gone');
  return identity.citizenId;
}

function claimAgainst(cipher: FieldCipher, holder: NikHolder, person: PersonDetails): NikClaim {
  const stored = holder.nameEnc ? cipher.decrypt(holder.nameEnc) : null;
  return {
    nameDiffers: Boolean(person.name) && !sameName(person.name ?? '', stored ?? ''),
    kkDiffers: Boolean(person.kk) && kkHash(cipher, person.kk ?? '') !== holder.kkHash,
    claimed: { name: person.name ?? null, kk: person.kk ?? null },
  };
}

/** "SITI  aminah" is the name "Siti Aminah" typed on another phone. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return plain(a) === plain(b);
}
