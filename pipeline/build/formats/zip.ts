/**
 * Re-zips an OOXML package deterministically. exceljs stamps every zip entry with the wall clock,
 * so the same workbook would differ byte for byte between two builds; its XML parts do not. Here
 * the entries are written in a fixed order ([Content_Types].xml first, as Office writes it, then
 * by name), without directory entries, all with one fixed modification time.
 */
import { unzipSync, type Zippable, zipSync } from 'fflate';

const contentTypes = '[Content_Types].xml';

/**
 * fflate writes the DOS time from the Date's local-time fields, so a Date built from local fields
 * gives the same bytes in every time zone. Noon, because some zones skip midnight on DST days;
 * the year within 1980–2099, all a DOS time can say.
 */
export function zipTime(clock: Date): Date {
  const year = Math.min(2099, Math.max(1980, clock.getUTCFullYear()));
  return new Date(year, clock.getUTCMonth(), clock.getUTCDate(), 12, 0, 0);
}

export function rezip(zip: Uint8Array, clock: Date): Uint8Array {
  const entries = new Map<string, Uint8Array>();
  // exceljs's streaming writer names some parts with a leading "/"; zip entry names have none.
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    if (!name.endsWith('/')) entries.set(name.replace(/^\/+/, ''), bytes);
  }
  const names = [...entries.keys()].sort((a, b) =>
    a === contentTypes ? -1 : b === contentTypes ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const mtime = zipTime(clock);
  const files: Zippable = {};
  for (const name of names) files[name] = [entries.get(name) as Uint8Array, { level: 6, mtime }];
  return zipSync(files);
}
