/**
 * Finds or creates the citizen behind a filing, by the keyed hash of their
 * NIK, and links the chat identity to them. Name, NIK and KK are stored
 * encrypted; only the hashes are searchable.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';

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

export async function upsertCitizen(
  tx: Tx,
  cipher: FieldCipher,
  identityId: string,
  person: PersonDetails,
): Promise<string> {
  const fields = {
    ...(person.name ? { nameEnc: cipher.encrypt(person.name) } : {}),
    ...(person.nik
      ? { nikEnc: cipher.encrypt(person.nik), nikHash: nikHash(cipher, person.nik) }
      : {}),
    ...(person.kk ? { kkEnc: cipher.encrypt(person.kk), kkHash: kkHash(cipher, person.kk) } : {}),
    ...(person.domicileCode ? { domicileCode: person.domicileCode } : {}),
    ...(person.locale ? { locale: person.locale } : {}),
  };
  const identity = await tx.channelIdentity.findUniqueOrThrow({
    where: { id: identityId },
    select: { citizenId: true },
  });
  const byNik = person.nik
    ? await tx.citizen.findUnique({
        where: { nikHash: nikHash(cipher, person.nik) },
        select: { id: true },
      })
    : null;
  // The NIK decides who this is; a chat identity that filed for someone else
  // before is re-linked to the person it now files for.
  const citizenId = byNik?.id ?? (person.nik ? null : identity.citizenId);
  const citizen = citizenId
    ? await tx.citizen.update({ where: { id: citizenId }, data: fields, select: { id: true } })
    : await tx.citizen.create({ data: fields, select: { id: true } });
  if (identity.citizenId !== citizen.id) {
    await tx.channelIdentity.update({ where: { id: identityId }, data: { citizenId: citizen.id } });
  }
  return citizen.id;
}
