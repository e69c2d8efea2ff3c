/** The bundled record of the seed acta is valid and faithful to the document. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import { createWorkspace, hasStackTrace, repoRoot, runActas, seedRecordPath } from '../support/workspace.ts';

describe('the seed record', () => {
  it('validates with no errors and no warnings through the real CLI', async () => {
    const result = await runActas(repoRoot, ['validate']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Registros válidos');
    expect(result.stdout).toContain('0 errores, 0 avisos');
  });

  it('holds every part of the acta', async () => {
    const record = parse(await readFile(seedRecordPath, 'utf8')) as SessionRecord;
    expect(record.agenda).toHaveLength(6);
    expect(record.initiatives).toHaveLength(11);
    expect(record.initiatives[6]?.name).toBe(
      'Reforma a Ley 20.500 y nueva institucionalidad para la participación ciudadana y el fortalecimiento de la sociedad civil en Chile, además de la constitución de los Consejos de la Sociedad Civil que están pendientes en organismos del Estado.',
    );
    expect(record.prioritization).toHaveLength(3);
    expect(record.attendees).toHaveLength(18);
    expect(record.attendees.filter((a) => a.sector === 'government')).toHaveLength(12);
    expect(record.agreements).toHaveLength(3);
    expect(record.commitments.map((c) => c.text)).toEqual([
      'Compromiso de municipios (modelo de gestión municipal)',
      'Transparencia presupuestaria (modernización y DIPRES)',
      'Continuidad del compromiso de participación ciudadana',
      'Compromiso de datasets SADP',
      'Compromiso ChileCompra - MOP',
      'Compromiso de DIRECON',
    ]);
    expect(record.observations).toHaveLength(2);
    expect(record.next_meeting).toBeNull();
    expect(record.prepared_on).toBe('2016-07-11');
    expect(record.working_group).toEqual({ number: 3, name: 'Modernización del Estado' });
  });

  it('validate --format github prints annotations with file, line and column', async () => {
    const ws = await createWorkspace({ seed: true });
    try {
      const seed = await readFile(seedRecordPath, 'utf8');
      await ws.write(
        'data/sessions/2016-06-30-mesa-3-sesion-2.yaml',
        seed.replace('end_time: "18:00"\nlocation', 'end_time: "25:00"\nlocation'),
      );
      const result = await runActas(ws.dir, ['validate', '--format', 'github']);
      expect(result.code).toBe(1);
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
      expect(result.stdout).toMatch(
        /^::error file=data\/sessions\/2016-06-30-mesa-3-sesion-2\.yaml,line=9,col=11,title=ACTAS-E114 \/end_time::"25%3A00"|^::error file=data\/sessions\/2016-06-30-mesa-3-sesion-2\.yaml,line=9,col=11,title=ACTAS-E114 \/end_time::.*25:00/m,
      );
    } finally {
      await ws.remove();
    }
  });

  it('a usage mistake exits 2 with a Spanish message and no stack trace', async () => {
    const result = await runActas(repoRoot, ['validate', '--formato', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ACTAS-E001');
    expect(result.stderr).toContain('Uso incorrecto');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
