const encoder = new TextEncoder();

/** UTF-8 bytes of a text, without a byte order mark. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
