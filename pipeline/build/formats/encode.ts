const encoder = new TextEncoder();

/** UTF-8 bytes of a text, without a byte order mark. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

// About a megabyte of text per encoded part.
const partChars = 1 << 20;

/**
 * UTF-8 bytes of many pieces of text, as if joined, encoded a part at a time. For a table of
 * half a million rows, joining first would hold the rows' strings, the joined string and its
 * bytes all at once; here no string much larger than a part is ever made. Pieces are never split,
 * so a character is never cut in two.
 */
export function utf8Joined(pieces: Iterable<string>): Uint8Array {
  const parts: Uint8Array[] = [];
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= partChars) {
      parts.push(encoder.encode(pending));
      pending = '';
    }
  }
  if (parts.length === 0) return encoder.encode(pending);
  parts.push(encoder.encode(pending));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
