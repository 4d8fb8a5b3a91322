/**
 * What one resident types: a whole help request (the sequence of
 * test/flows/help-request.test.ts) and then a status check of the code the
 * desk gave. Each resident gets its own valid NIK and KK so the duplicate
 * rule never refuses a bench request.
 */

export const NEED = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.';
export const NAME = 'Siti Aminah';
export const CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;

/** Turns per resident: 13 for the request, 2 for the status check. */
export const TURNS_PER_RESIDENT = 15;

/** The turn that files the request ('Ya, kirim'): the heaviest, and the one that answers with the code. */
export const FILING_STEP = 12;

/**
 * A valid, distinct NIK and KK for resident `index` (up to 9,999 × 28 residents):
 * region 32.04.05, a woman's birth day 41–68 December 1990, serial 0001–9999.
 */
export function person(index: number): { nik: string; kk: string } {
  const serial = String((index % 9999) + 1).padStart(4, '0');
  const day = 41 + (Math.floor(index / 9999) % 28);
  return {
    nik: `320405${day}1290${serial}`,
    kk: `3204${String(index + 1).padStart(12, '0')}`,
  };
}

/** The text of turn `step` (0-based); the status check's code comes from the reply to step 12. */
export function residentInput(index: number, step: number, code: string | null): string {
  const who = person(index);
  const inputs = [
    'halo',
    '1',
    '1',
    '1',
    'kesehatan',
    NEED,
    NAME,
    who.nik,
    who.kk,
    'cileunyi',
    'cileunyi kulon',
    'selesai',
    'Ya, kirim',
    '3',
    code ?? 'PB-MISSING',
  ];
  const input = inputs[step];
  if (input === undefined) throw new Error(`no step ${step}`);
  return input;
}

/** One resident's progress: the code the request got and whether the status card showed it. */
export class ResidentProgress {
  code: string | null = null;
  statusShown = false;

  constructor(readonly index: number) {}

  input(step: number): string {
    return residentInput(this.index, step, this.code);
  }

  /** Reads the replies of a turn: the code after the request, the card after the check. */
  replied(step: number, texts: string[]): void {
    const joined = texts.join('\n');
    if (step === FILING_STEP) this.code = CODE.exec(joined)?.[0] ?? null;
    if (step === TURNS_PER_RESIDENT - 1 && this.code) this.statusShown = joined.includes(this.code);
  }

  get completed(): boolean {
    return this.code !== null && this.statusShown;
  }
}
