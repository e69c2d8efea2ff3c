/**
 * What each variant of the template is there to prove, value by value, on the pure parser: if a
 * golden record were regenerated from a broken importer, these would still fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseActaText } from '../../pipeline/ingest/parse-acta.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import { codesAndLines, fixtureText } from './support/importing.ts';

const source = { file: 'acta.txt', sha256: '0'.repeat(64), format: 'txt' } as const;

function parseFixture(name: string) {
  const parsed = parseActaText(readFileSync(fixtureText(name), 'utf8'), { file: `${name}.txt`, source });
  if (!parsed.record) throw new Error(`${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { record: parsed.record as SessionRecord, problems: parsed.problems };
}

describe('a first session', () => {
  const { record } = parseFixture('mesa-1-primera-sesion');
  it('reads the header with slashed dates, "Nº" and "9:30" / "12:00 hrs."', () => {
    expect(record.id).toBe('2016-05-17-mesa-1-sesion-1');
    expect(record.working_group).toEqual({ number: 1, name: 'Gobierno abierto y participación' });
    expect(record.session_number).toBe(1);
    expect([record.date, record.convened_on, record.start_time, record.end_time]).toEqual([
      '2016-05-17',
      '2016-05-10',
      '09:30',
      '12:00',
    ]);
  });
  it('reads "a" ranges, an inline "Insumo:" and a product that starts like a section heading', () => {
    expect(record.agenda).toEqual([
      { start_time: '09:30', end_time: '09:45', title: 'Bienvenida y presentación de los participantes' },
      { start_time: '09:45', end_time: '11:00', title: 'Presentación de iniciativas' },
      { start_time: '11:00', end_time: '12:00', title: 'Discusión y cierre' },
    ]);
    expect(record.inputs).toEqual(['Documento base del tercer Plan de Acción de Gobierno Abierto']);
    expect(record.expected_output).toBe('Lista de iniciativas propuestas por la mesa.');
  });
  it('has no previous result without that column, and no prioritisation', () => {
    expect(record.initiatives.map((i) => [i.number, i.origin, i.previous_result])).toEqual([
      [1, 'Sociedad Civil', null],
      [2, 'Segpres', null],
      [3, null, null],
    ]);
    expect(record.prioritization).toEqual([]);
  });
  it('reads "•" agreements and "1." commitments, and the footer dates', () => {
    expect(record.agreements).toEqual([
      'Se reciben tres propuestas de iniciativa.',
      'Segpres enviará el documento base a los asistentes.',
    ]);
    expect(record.commitments).toEqual([
      { number: 1, text: 'Enviar el documento base a todos los asistentes' },
      { number: 2, text: 'Recibir propuestas por escrito hasta el 31 de mayo' },
    ]);
    expect([record.prepared_on, record.next_meeting]).toEqual(['2016-05-20', '2016-06-07']);
  });
});

describe('CRLF, BOM, non-breaking spaces, trailing tabs and upper-case labels', () => {
  const { record, problems } = parseFixture('crlf-bom-nbsp');
  it('normalises every value', () => {
    expect(problems).toEqual([]);
    expect(record.id).toBe('2016-08-29-mesa-4-sesion-3');
    expect(record.title).toBe('MESA No. 4: Transparencia e integridad – tercera sesión');
    expect(record.working_group).toEqual({ number: 4, name: 'Transparencia e integridad' });
    expect(record.convened_by).toBe('Rodrigo Mora Ortega');
    expect(record.location).toBe('Palacio de La Moneda, sala Montt');
    expect([record.start_time, record.end_time]).toEqual(['15:00', '17:30']);
    expect(record.agenda[0]).toEqual({
      start_time: '15:00',
      end_time: '15:30',
      title: 'Revisión del acta anterior',
    });
    expect(record.inputs).toEqual(['Acta de la segunda sesión', 'Propuestas priorizadas']);
    expect(record.initiatives[1]?.name).toBe('Datos abiertos de compras');
    expect(record.attendees.map((a) => a.organization)).toEqual(['CPLT', 'Ciudadano Inteligente']);
    expect(record.discussion).toBe(
      'Se revisa el acta anterior y se aprueba sin observaciones.\n\nSe redactan los dos compromisos priorizados.',
    );
    expect(record.next_meeting).toBeNull();
    expect(record.observations).toEqual(['El CPLT enviará la redacción final.']);
  });
});

describe('dates in words', () => {
  const { record } = parseFixture('fecha-en-palabras');
  it('reads weekdays, "de julio de", labels without accents and "sesión 3"', () => {
    expect(record.id).toBe('2016-07-14-mesa-2-sesion-3');
    expect([record.convened_on, record.date, record.prepared_on, record.next_meeting]).toEqual([
      '2016-07-07',
      '2016-07-14',
      '2016-07-15',
      '2016-07-28',
    ]);
    expect(record.end_time).toBe('13:00');
    // "Priorización de iniciativas" is an agenda title here, not the prioritisation section.
    expect(record.agenda.map((a) => a.title)).toEqual([
      'Revisión de propuestas sobre recursos hídricos',
      'Priorización de iniciativas',
    ]);
    expect(record.prioritization).toEqual([{ rank: 1, text: 'Información pública sobre derechos de agua' }]);
  });
});

describe('page breaks', () => {
  const { record } = parseFixture('salto-de-pagina');
  it('joins what Word split over a page break', () => {
    expect(record.agenda[0]?.title).toBe(
      'Revisión de la redacción de los compromisos de datos abiertos y de participación ciudadana en municipios',
    );
    expect(record.initiatives[1]).toEqual({
      number: 2,
      name: 'Modelo de gestión de gobierno abierto en municipios de la Región Metropolitana',
      origin: 'Municipalidad de Peñalolén',
      previous_result: 'Compromiso',
    });
    expect(record.initiatives).toHaveLength(3);
    expect(record.attendees[1]).toEqual({
      sector: 'government',
      last_name: 'Méndez',
      first_name: 'Gonzalo',
      organization: 'Municipalidad de Peñalolén',
    });
    expect(record.attendees[2]?.sector).toBe('civil_society');
    expect(record.discussion).toBe(
      [
        'Se revisa la redacción de los compromisos. ChileCompra presenta el calendario de publicación de los datos de órdenes de compra y se acuerda revisarlo en la próxima sesión.',
        'Municipios',
        'Peñalolén presenta su modelo de gestión.',
      ].join('\n\n'),
    );
    expect(record.agreements).toEqual([
      'Se aprueba la redacción del compromiso de datos abiertos y del compromiso de municipios.',
      'Se revisará el calendario en la próxima sesión.',
    ]);
  });
});

describe('missing sections', () => {
  const { record, problems } = parseFixture('sin-secciones');
  it('gives empty lists, and a warning for the missing convocation date', () => {
    expect(record.id).toBe('2016-07-05-mesa-5-sesion-1');
    expect(record.working_group.name).toBe('Relaciones económicas internacionales');
    expect([record.initiatives, record.prioritization, record.commitments, record.observations]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(record.convened_on).toBeNull();
    expect(codesAndLines(problems)).toEqual(['ACTAS-W201@1']);
    expect(problems[0]?.message).toContain('"Fecha convocatoria"');
  });
});

describe('placeholders and empty cells', () => {
  const { record, problems } = parseFixture('celdas-vacias');
  it('are null, silently', () => {
    expect(problems).toEqual([]);
    expect([
      record.convened_by,
      record.convened_on,
      record.location,
      record.start_time,
      record.end_time,
    ]).toEqual([null, null, null, null, null]);
    expect(record.initiatives.map((i) => [i.origin, i.previous_result])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(record.attendees.map((a) => [a.last_name, a.first_name, a.organization])).toEqual([
      ['Fuentes', null, 'Mineduc'],
      ['Carrasco', 'Jorge', null],
      ['Vidal', null, null],
    ]);
    expect([record.prepared_by, record.prepared_on, record.next_meeting, record.distributed_to]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('numbered lists in the discussion', () => {
  const { record } = parseFixture('listas-numeradas');
  it('stay in the discussion; only the summary gives commitments', () => {
    expect(record.discussion).toBe(
      [
        'El MOP informa el avance de su compromiso en tres etapas:',
        '1. Diagnóstico de los procesos de licitación\n2. Diseño del registro de mercado público\n3. Publicación de información georreferenciada',
        'Sociedad civil:',
        'Se pide conocer los plazos de cada etapa:',
        '- 1) Diagnóstico: octubre\n- 2) Registro: diciembre',
      ].join('\n\n'),
    );
    expect(record.commitments).toEqual([
      { number: 1, text: 'Calendario del compromiso MOP' },
      { number: 2, text: 'Reunión de seguimiento en noviembre' },
    ]);
    expect(record.agreements).toEqual(['El MOP enviará el calendario de las tres etapas.']);
    expect(record.observations).toEqual(['Se enviará el acta a todos los convocados.']);
  });
});

describe('abbreviated ordinals and dotted times', () => {
  const { record } = parseFixture('ordinales-abreviados');
  it('reads "Nº 07", "2° sesión", "15.00" and "16.30 hrs"', () => {
    expect(record.id).toBe('2016-09-05-mesa-7-sesion-2');
    expect(record.working_group).toEqual({ number: 7, name: 'Salud y bienestar' });
    expect([record.start_time, record.end_time]).toEqual(['15:00', '16:30']);
    expect(record.agenda.map((a) => [a.start_time, a.end_time])).toEqual([
      ['15:00', '15:45'],
      ['15:45', '16:30'],
    ]);
  });
});

describe('what cannot be read', () => {
  const { record, problems } = parseFixture('avisos');
  it('is null (or left out) with a warning that quotes the line', () => {
    expect(record.convened_on).toBeNull();
    expect(record.end_time).toBeNull();
    expect(record.agenda).toEqual([{ start_time: null, end_time: null, title: 'Revisión de propuestas' }]);
    expect(record.initiatives.map((i) => i.number)).toEqual([1]);
    expect(record.attendees.map((a) => a.last_name)).toEqual(['Torres']);
    expect(record.agreements).toEqual(['Se mantiene la propuesta de datos abiertos judiciales.']);
    expect(record.commitments).toEqual([{ number: 1, text: 'Datos abiertos judiciales' }]);
    expect(record.next_meeting).toBeNull();
    const byCode = Object.fromEntries(problems.map((p) => [`${p.code}@${p.line}`, p.message]));
    expect(byCode['ACTAS-W202@1']).toContain('"30 de febrero de 2016"');
    expect(byCode['ACTAS-W203@3']).toContain('"25:00"');
    expect(byCode['ACTAS-W207@7']).toContain('"15:00 – 16:7O"');
    expect(byCode['ACTAS-W205@15']).toContain('"2 |  | Sociedad Civil | Grupo 2"');
    expect(byCode['ACTAS-W212@19']).toContain('"Cargo"');
    expect(byCode['ACTAS-W206@20']).toContain('"Rivas | Andrea | Ministerio de Justicia | Jefa de gabinete"');
    expect(byCode['ACTAS-W204@30']).toContain('"El detalle queda en el acta de la mesa técnica."');
    expect(byCode['ACTAS-W209@34']).toContain('se numeró 1');
    expect(byCode['ACTAS-W202@37']).toContain('"Por definir"');
    for (const p of problems) expect(p).toMatchObject({ severity: 'warning', file: 'avisos.txt' });
  });
});

describe('another working group at its tenth session', () => {
  const { record, problems } = parseFixture('mesa-4-decima');
  it('reads "décima", a "N°" column, bullet prioritisation and "Observaciones:"', () => {
    expect(problems).toEqual([]);
    expect(record.id).toBe('2016-12-12-mesa-4-sesion-10');
    expect(record.agenda.map((a) => [a.start_time, a.end_time])).toEqual([
      ['09:00', '10:00'],
      ['10:00', '11:00'],
    ]);
    expect(record.prioritization).toEqual([
      { rank: 1, text: 'Declaraciones de patrimonio en datos abiertos' },
      { rank: 2, text: 'Transparencia en el lobby' },
    ]);
    expect(record.attendees.map((a) => [a.sector, a.last_name, a.first_name, a.organization])).toEqual([
      ['government', 'Pfaur', 'Daniel', 'CPLT'],
      ['government', 'Díaz', 'Rosa', 'Contraloría'],
      ['civil_society', 'Oyarzún', 'Daniel', 'Asociación Chilena de Voluntarios'],
    ]);
    expect(record.observations).toEqual(['La próxima sesión será en marzo.']);
    expect(record.next_meeting).toBe('2017-03-14');
  });
});
