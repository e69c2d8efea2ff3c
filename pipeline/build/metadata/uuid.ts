import { createHash } from 'node:crypto';

const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 9562 name-based UUID (version 5, SHA-1) in the URL namespace: the same name, the same id, everywhere. */
export function uuidV5(name: string): string {
  const namespace = Buffer.from(urlNamespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
