/**
 * The phone number on a shared WhatsApp contact card (vCard 3.0). WhatsApp
 * writes it twice: `waid=` holds the WhatsApp number as plain digits with the
 * country code, the TEL value holds it as the sender's phone formats it.
 *
 * @example
 * phoneFromVcard('TEL;type=CELL;waid=6281234567890:+62 812-3456-7890'); // '+6281234567890'
 * phoneFromVcard('TEL;TYPE=CELL:0812 3456 7890'); // '081234567890'
 */
export function phoneFromVcard(vcard: string): string | undefined {
  const waid = /waid=(\d{6,20})/i.exec(vcard)?.[1];
  if (waid) return `+${waid}`;
  const tel = /^(?:item\d+\.)?TEL[^:\r\n]*:([^\r\n]+)$/im.exec(vcard)?.[1];
  if (!tel) return undefined;
  const digits = tel.replace(/[^\d]/g, '');
  if (digits.length < 6 || digits.length > 20) return undefined;
  return tel.trim().startsWith('+') ? `+${digits}` : digits;
}
