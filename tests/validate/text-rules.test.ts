/**
 * The text rules on single values, including the shortcuts they take for speed: each shortcut must
 * answer exactly what the plain definition answers (DESIGN.md: trimmed, single spaces, NFC;
 * `--`, `-`, `N/A`, `n/a` and empty mean "no value").
 */
import { describe, expect, it } from 'vitest';
import { isPlaceholder, normalizeText } from '../../pipeline/text/normalize.ts';
import { textProblems } from '../../pipeline/validate/rules.ts';

const tricky = [
  '',
  ' ',
  '-',
  '--',
  '---',
  ' -- ',
  '\u00a0--\u00a0',
  '\t-\n',
  'N/A',
  'n/a',
  ' N/a ',
  'n/ a',
  'n /a',
  'N/A.',
  'na',
  'ñ/a',
  'n\u0303/a',
  'Ex Congreso, Morandé 441',
  'Ex Congreso,  Morandé 441',
  ' Morandé',
  'Morandé ',
  'Morande\u0301 441',
  'a\u00a0b',
  'a\tb',
  'a\nb',
  'línea\r\notra',
  'N° 3',
  '\ufeffhola',
  'x\u2003y',
];

const codes = (value: string, path = 'location') =>
  textProblems({ [path]: value }, { file: 'r.yaml' }).map((p) => p.code);

describe('text rules', () => {
  it('take a placeholder exactly as the definition does', () => {
    for (const text of tricky)
      expect(isPlaceholder(text), JSON.stringify(text)).toBe(
        new Set(['--', '-', 'n/a', '']).has(normalizeText(text).toLowerCase()),
      );
  });

  it('ask for normalised text exactly when normalising would change it', () => {
    for (const text of tricky) {
      const wants = codes(text).includes('ACTAS-E130');
      expect(wants, JSON.stringify(text)).toBe(text !== '' && text !== normalizeText(text));
    }
  });

  it('report each problem at the value it is in, and leave the Markdown discussion its line breaks', () => {
    expect(textProblems({ agenda: [{ topic: 'ok' }, { topic: ' N/A' }] }, { file: 'r.yaml' })).toMatchObject([
      { code: 'ACTAS-E129', pointer: '/agenda/1/topic' },
      { code: 'ACTAS-E130', pointer: '/agenda/1/topic' },
    ]);
    expect(codes('Primer párrafo.\n\nSegundo párrafo.', 'discussion')).toEqual([]);
    expect(codes('Morande\u0301', 'discussion')).toEqual(['ACTAS-E130']);
    expect(codes('escribir a ana@example.org')).toEqual(['ACTAS-E128']);
  });
});
