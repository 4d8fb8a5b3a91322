/**
 * Effects of the Privasi menu (flows/menu.ts): "Lihat data saya" sends what is
 * stored, masked, straight to the chat, so none of it ever enters the
 * persisted machine context; "Hapus data saya" erases it (src/privacy/).
 */
import { eraseResident } from '../../privacy/erase-resident.ts';
import { describeResidentData } from '../../privacy/resident-data-view.ts';
import type { EffectHandler } from '../turn-scope.ts';

export const privacyEffectHandlers: Record<string, EffectHandler> = {
  async showMyData(scope) {
    const text = await describeResidentData(
      { tx: scope.tx, cipher: scope.cipher, ref: scope.ref, locale: scope.locale },
      { identityId: scope.identityId, citizenId: scope.citizenId },
    );
    scope.send({ text, options: [] });
    return undefined;
  },

  async eraseMyData(scope) {
    const erased = await eraseResident(
      { tx: scope.tx, cipher: scope.cipher, files: scope.files, now: scope.now },
      {
        identityId: scope.identityId,
        citizenId: scope.citizenId,
        channel: scope.channel,
        chatKey: scope.chatKey,
      },
    );
    // From here on the chat speaks for nobody: a consent recorded next is the chat's alone.
    scope.citizenId = null;
    if (erased.closedCodes.length > 0) {
      scope.say('menu.privacy.erasedClosed', { codes: erased.closedCodes.join(', ') });
    }
    if (!scope.files && erased.documents > 0) {
      scope.logger.warn(
        { documents: erased.documents },
        'erased attachment rows but this runtime has no attachment storage: their files stay on disk',
      );
    }
    // Counts only: which chat or person it was is exactly what was erased.
    scope.logger.info(
      { channel: scope.channel, tickets: erased.tickets, documents: erased.documents },
      'a resident had their personal data erased',
    );
    return undefined;
  },
};
