/**
 * Inputs at the edges: no sessions, a session with every list empty, two records with one id, and
 * rebuilding the same data with an in-memory store of an earlier build.
 */
import { describe, expect, it } from 'vitest';
import { buildTree, buildTreeReport, memoryStore } from '../../pipeline/build/index.ts';
import { readCsv, readWorkbook } from './support/formats.ts';
import { type JsonRow, json, seedInput, text, variant } from './support/seed.ts';

describe('edge cases', () => {
  it('builds a valid tree with no sessions: empty tables keep their header, organizations stay', async () => {
    const tree = await buildTree(await seedInput({ records: [] }));
    expect(readCsv(tree.get('data/sessions.csv') as Uint8Array)).toHaveLength(1);
    expect(json(tree, 'data/sessions.json')).toEqual([]);
    expect(json<JsonRow[]>(tree, 'data/organizations.json').length).toBeGreaterThan(0);
    expect(text(tree, 'README.md')).toContain('| Sesiones | 0 |');
    const sheets = await readWorkbook(tree.get('actas.xlsx') as Uint8Array);
    expect(sheets.get('Sesiones')).toHaveLength(1);
    expect([...tree.keys()].some((p) => p.startsWith('records/'))).toBe(false);
  });

  it('builds a session whose lists are all empty and whose optional fields are null', async () => {
    const bare = await variant('2016-06-30-mesa-3-sesion-2', (r) => {
      Object.assign(r, {
        agenda: [],
        initiatives: [],
        prioritization: [],
        attendees: [],
        agreements: [],
        commitments: [],
        inputs: [],
        observations: [],
        discussion: '',
        start_time: null,
        end_time: null,
        location: null,
        prepared_on: null,
      });
      delete r.source;
    });
    const report = await buildTreeReport(await seedInput({ records: [bare] }));
    expect(report.problems).toEqual([]);
    const [session] = json<JsonRow[]>(report.tree, 'data/sessions.json');
    expect(session).toMatchObject({
      attendee_count: 0,
      inputs: null,
      discussion: null,
      source_sha256: null,
      start_time: null,
    });
    expect(json(report.tree, 'data/attendance.json')).toEqual([]);
  });

  it('reports two records with the same id instead of publishing a broken key', async () => {
    const seed = (await seedInput()).records;
    const report = await buildTreeReport(await seedInput({ records: [...seed, ...seed] }));
    expect(report.tree.size).toBe(0);
    expect(report.problems[0]?.code).toBe('ACTAS-E301');
    expect(report.problems[0]?.message).toContain('"sessions"');
  });

  it('reuses what an earlier build in memory made, and the result is a clean build byte for byte', async () => {
    const first = await buildTreeReport(await seedInput());
    const input = await seedInput({ version: '1.0.1', created: new Date('2026-01-02T00:00:00Z') });
    const reused = await buildTreeReport(input, memoryStore(first));
    // The tables do not depend on the version: the very same bytes are reused.
    expect(reused.tree.get('actas.sqlite')).toBe(first.tree.get('actas.sqlite'));
    expect(reused.tree.get('data/sessions.csv')).toBe(first.tree.get('data/sessions.csv'));
    const clean = await buildTree(input);
    expect(reused.tree.get('actas.xlsx')).not.toBe(first.tree.get('actas.xlsx'));
    expect([...reused.tree.keys()]).toEqual([...clean.keys()]);
    for (const [path, bytes] of clean)
      expect(Buffer.from(reused.tree.get(path) as Uint8Array).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('reuses the workbook for a later build of the same data on the same day', async () => {
    const morning = await buildTreeReport(await seedInput({ created: new Date('2026-01-01T10:00:00Z') }));
    const input = await seedInput({ created: new Date('2026-01-01T15:30:00Z') });
    const afternoon = await buildTreeReport(input, memoryStore(morning));
    expect(afternoon.tree.get('actas.xlsx')).toBe(morning.tree.get('actas.xlsx'));
    expect(json<{ created: string }>(afternoon.tree, 'datapackage.json').created).toBe(
      '2026-01-01T15:30:00Z',
    );
    const clean = await buildTree(input);
    for (const [path, bytes] of clean)
      expect(Buffer.from(afternoon.tree.get(path) as Uint8Array).equals(Buffer.from(bytes)), path).toBe(true);
  });
});
