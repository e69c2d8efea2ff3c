import { createHash } from 'node:crypto';

// The same file is hashed for datapackage.json, the catalog, SHA256SUMS and the cache: once is enough.
const digests = new WeakMap<Uint8Array, string>();

/** Lower-case hexadecimal SHA-256 of bytes or text (remembered per byte array, which the builder never mutates). */
export function sha256(data: Uint8Array | string): string {
  if (typeof data === 'string') return createHash('sha256').update(data).digest('hex');
  let digest = digests.get(data);
  if (digest === undefined) {
    digest = createHash('sha256').update(data).digest('hex');
    digests.set(data, digest);
  }
  return digest;
}

/** True when two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
