/**
 * The fast path (js-yaml) and the located path (`yaml`) must read well-formed records the same
 * way, or validation would depend on which one ran.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeRecord } from '../../pipeline/records/serialize.ts';
import { quickParse } from '../../pipeline/validate/quick-parse.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { seedRecordPath } from '../support/workspace.ts';

const enc = new TextEncoder();
const quick = (text: string) => quickParse({ path: 'x.yaml', bytes: enc.encode(text) });

describe('quick parse', () => {
  it('reads the seed and a generated corpus exactly as the yaml package does', async () => {
    const texts = [
      await readFile(seedRecordPath, 'utf8'),
      ...generateCorpus(200).records.map(serializeRecord),
    ];
    for (const text of texts) expect(quick(text)).toEqual(parse(text));
  });

  it('hands anything unusual to the located path', () => {
    expect(quick('')).toBeUndefined();
    expect(quick('- a\n- b\n')).toBeUndefined();
    expect(quick('a: 1\na: 2\n')).toBeUndefined(); // duplicate key
    expect(quick('a: 1\n---\nb: 2\n')).toBeUndefined(); // two documents
    expect(quick('a: &x [1, 2]\nb: *x\n')).toBeUndefined(); // aliases are counted by the located path
    expect(quickParse({ path: 'x.yaml', bytes: new Uint8Array([0x61, 0x3a, 0x20, 0xe9]) })).toBeUndefined();
  });

  it('keeps dates, times and "no" as text (YAML 1.2 core schema)', () => {
    expect(quick('date: 2016-06-30\nstart_time: 15:00\nx: no\n')).toEqual({
      date: '2016-06-30',
      start_time: '15:00',
      x: 'no',
    });
  });
});
