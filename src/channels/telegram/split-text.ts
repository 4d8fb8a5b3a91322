/**
 * Cuts a long text into pieces Telegram accepts (4096 characters a message),
 * at the most natural place available: a blank line, a line break, a space,
 * and only as a last resort mid-word (never inside a surrogate pair, which
 * would break an emoji).
 */

/**
 * @example
 * splitText('a'.repeat(5000), 4096).map((p) => p.length); // [4096, 904]
 */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  // A separator in the first half would leave a stub of a message: cut later instead.
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > limit / 2) return at;
  }
  const code = text.charCodeAt(limit - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return splitsPair ? limit - 1 : limit;
}
