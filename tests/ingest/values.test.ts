/** Dates, times, ranges and the working-group line, as actas write them. */
import { describe, expect, it } from 'vitest';
import { parseDate, parseTime, splitTimeRange } from '../../pipeline/ingest/dates.ts';
import { discussionMarkdown } from '../../pipeline/ingest/parse-discussion.ts';
import { readTitle } from '../../pipeline/ingest/title-line.ts';

describe('dates', () => {
  it.each([
    ['30.06.2016', '2016-06-30'],
    ['22-06-2016', '2016-06-22'],
    ['30/06/2016', '2016-06-30'],
    ['14 de julio de 2016', '2016-07-14'],
    ['jueves 14 de julio de 2016', '2016-07-14'],
    ['Jueves, 14 de Julio del 2016', '2016-07-14'],
    ['1° de septiembre de 2016', '2016-09-01'],
    ['5 de setiembre de 2016', '2016-09-05'],
    ['30.06.16', '2016-06-30'],
    ['2016-06-30', '2016-06-30'],
    ['29.02.2016', '2016-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '31.02.2016',
    '29.02.2017',
    '30.13.2016',
    'Por definir',
    '30.06.2016 y 01.07.2016',
    '30.06-2016',
    '14 de julio',
  ])('%s is not read (null, never a guess)', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('times', () => {
  it.each([
    ['9:30', '09:30'],
    ['15:00', '15:00'],
    ['15:00 hrs.', '15:00'],
    ['15:00 hrs', '15:00'],
    ['15.00', '15:00'],
    ['15h30', '15:30'],
    ['15 hrs.', '15:00'],
    ['0:05', '00:05'],
  ])('%s → %s', (text, hhmm) => {
    expect(parseTime(text)).toBe(hhmm);
  });

  it.each(['15', '25:00', '15:60', 'mediodía', '15:0'])('%s is not read', (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it.each([
    ['15:00 – 15:10', '15:00', '15:10', ''],
    ['15:00 - 15:10', '15:00', '15:10', ''],
    ['9:30 a 10:00', '9:30', '10:00', ''],
    ['15:00 hrs. – 16:00 hrs.', '15:00 hrs.', '16:00 hrs.', ''],
    ['de 10:00 a 11:00 Bienvenida', '10:00', '11:00', 'Bienvenida'],
  ])('range %s', (text, start, end, rest) => {
    expect(splitTimeRange(text)).toEqual({ start, end, rest });
  });
});

describe('the working-group line', () => {
  it.each([
    ['Mesa N°3: Modernización del Estado (segunda sesión)', 3, 'Modernización del Estado', 2],
    ['Mesa Nº 05 – Participación ciudadana, 4ª sesión', 5, 'Participación ciudadana', 4],
    ['MESA No. 4: Transparencia e integridad - Sesión 3', 4, 'Transparencia e integridad', 3],
    ['Mesa de trabajo 2: Recursos naturales (tercera)', 2, 'Recursos naturales', 3],
    ['Mesa N°1: Gobierno abierto – primera sesión', 1, 'Gobierno abierto', 1],
    ['Mesa 6: Salud (sesión N°7)', 6, 'Salud', 7],
    ['Mesa N° 9: Medio ambiente (1ª sesión)', 9, 'Medio ambiente', 1],
    ['Mesa 4: Transparencia (décima sesión)', 4, 'Transparencia', 10],
    ['Mesa N°2: Educación (3ra sesión)', 2, 'Educación', 3],
  ])('%s', (title, number, name, session) => {
    expect(readTitle(title)).toEqual({ group: { number, name }, session });
  });

  it('gives nothing it cannot read', () => {
    expect(readTitle('Modernización del Estado (segunda sesión)')).toEqual({ session: 2 });
    expect(readTitle('Mesa N°3: Modernización del Estado')).toEqual({
      group: { number: 3, name: 'Modernización del Estado' },
    });
  });
});

describe('the discussion as Markdown', () => {
  it('keeps lists together, joins a page-broken paragraph, and nothing else', () => {
    expect(
      discussionMarkdown([
        'Intro:',
        '- a',
        '• b',
        'Un párrafo partido por un salto de',
        'página que sigue aquí.',
        'Título sin punto',
        'Otro párrafo.',
        '- una viñeta sin punto',
        'minúscula tras viñeta',
      ]),
    ).toBe(
      [
        'Intro:',
        '- a\n- b',
        'Un párrafo partido por un salto de página que sigue aquí.',
        'Título sin punto',
        'Otro párrafo.',
        '- una viñeta sin punto',
        'minúscula tras viñeta',
      ].join('\n\n'),
    );
  });
});
