/**
 * Writes a canonical record as YAML, the way people review it: keys in the order the acta reads,
 * no line folding, and every string that an older YAML 1.1 reader would take for a date, a time
 * or a boolean in quotes ("2016-06-30", "15:00", "no"), so the file means the same to any tool.
 */
import { stringify } from 'yaml';
import { recordKeyOrder, type SessionRecord } from '../model/index.ts';

export function orderRecordKeys(record: SessionRecord): SessionRecord {
  const ordered: Record<string, unknown> = {};
  for (const key of recordKeyOrder) if (record[key] !== undefined) ordered[key] = record[key];
  return ordered as unknown as SessionRecord;
}

export const serializeRecord = (record: SessionRecord): string =>
  stringify(orderRecordKeys(record), { version: '1.1', lineWidth: 0, minContentWidth: 0 });
