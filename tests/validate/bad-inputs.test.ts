/**
 * Every bad input of the corpus yields its located error and exit code 1, prints no stack trace,
 * and writes nothing; acceptable inputs exit 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../pipeline/errors/problem.ts';
import { createWorkspace, hasStackTrace, readSeedRecord, runCli } from '../support/workspace.ts';
import { cases } from './bad-inputs.ts';

let seed: string;
beforeAll(async () => {
  seed = await readSeedRecord();
});

describe('bad inputs corpus', () => {
  it('has at least 30 distinct bad inputs', () => {
    const bad = cases.filter((c) => (c.exit ?? 1) === 1);
    expect(bad.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const ws = await createWorkspace();
      try {
        for (const [name, content] of Object.entries(c.files(seed)))
          await ws.write(`data/sessions/${name}`, content);
        const before = await ws.listFiles();
        const args = ['validate', '--format', 'json', ...(c.recordsDir ? ['--records', c.recordsDir] : [])];
        const result = await runCli(ws.dir, args);

        expect(result.code).toBe(c.exit ?? 1);
        expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
        const report = JSON.parse(result.stdout) as { problems: Problem[] };
        const got = report.problems.map((p) => {
          const shown: Record<string, unknown> = { code: p.code };
          for (const key of ['file', 'line', 'column', 'pointer'] as const) {
            if (c.expected.some((e) => e[key] !== undefined)) shown[key] = p[key];
          }
          return shown;
        });
        expect(got).toEqual(
          c.expected.map((e) => ({
            ...Object.fromEntries(Object.keys(got[0] ?? {}).map((k) => [k, undefined])),
            ...e,
          })),
        );
        for (const p of report.problems) {
          expect(p.message.length).toBeGreaterThan(20);
          expect(p.message_en.length).toBeGreaterThan(20);
          if (p.code !== 'ACTAS-E004' && p.code !== 'ACTAS-E100') expect(p.file).toMatch(/^data\/sessions\//);
        }
        expect(await ws.listFiles()).toEqual(before);
      } finally {
        await ws.remove();
      }
    });
  }
});
