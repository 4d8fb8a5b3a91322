/** JSON read from storage or a platform that may not be JSON at all: null instead of a throw. */
export function parseJsonOrNull(text: string | null | undefined): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
