/**
 * Word numbering (word/numbering.xml): a list paragraph says only "list 3, level 0"; its bullet or
 * its "1." comes from the list's definition and a counter. The text export writes bullets as "- "
 * and numbers as written ("1.", "a)"), so the .docx reader does the same.
 */
import {
  attributeOf,
  childNamed,
  childrenOf,
  findFirst,
  propertyValue,
  tagOf,
  type XmlNode,
} from './docx-xml.ts';

interface Level {
  format: string;
  text: string;
  start: number;
}

const roman = (n: number): string => {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
};
const letter = (n: number): string =>
  String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

interface List {
  /** Lists made from one definition share its counters, as in Word, unless they restart. */
  definition: string;
  levels: Map<number, Level>;
  restarts: Map<number, number>;
}

export class Numbering {
  private readonly lists = new Map<string, List>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(numberingXml: readonly XmlNode[] | undefined) {
    const root = numberingXml ? findFirst(numberingXml, 'w:numbering') : undefined;
    if (!root) return;
    const definitions = new Map<string, Map<number, Level>>();
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== 'w:abstractNum') continue;
      const levels = new Map<number, Level>();
      for (const lvl of childrenOf(node)) {
        if (tagOf(lvl) !== 'w:lvl') continue;
        levels.set(Number(attributeOf(lvl, 'w:ilvl') ?? 0), {
          format: propertyValue(lvl, 'w:numFmt') ?? 'decimal',
          text: propertyValue(lvl, 'w:lvlText') ?? '',
          start: Number(propertyValue(lvl, 'w:start') ?? 1),
        });
      }
      definitions.set(attributeOf(node, 'w:abstractNumId') ?? '', levels);
    }
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== 'w:num') continue;
      const definition = propertyValue(node, 'w:abstractNumId') ?? '';
      const levels = definitions.get(definition);
      if (!levels) continue;
      const restarts = new Map<number, number>();
      for (const override of childrenOf(node)) {
        if (tagOf(override) !== 'w:lvlOverride') continue;
        const start = propertyValue(override, 'w:startOverride');
        if (start !== undefined) restarts.set(Number(attributeOf(override, 'w:ilvl') ?? 0), Number(start));
      }
      this.lists.set(attributeOf(node, 'w:numId') ?? '', { definition, levels, restarts });
    }
  }

  /** The marker a list paragraph shows ("- ", "1. ", "a) "), advancing that list's counter. */
  marker(paragraphProperties: XmlNode | undefined): string | undefined {
    const numPr = paragraphProperties ? childNamed(paragraphProperties, 'w:numPr') : undefined;
    if (!numPr) return undefined;
    const listId = propertyValue(numPr, 'w:numId') ?? '';
    // numId 0 means "numbering removed" on a paragraph whose style had some.
    if (listId === '0') return undefined;
    const levelIndex = Number(propertyValue(numPr, 'w:ilvl') ?? 0);
    const list = this.lists.get(listId);
    const level = list?.levels.get(levelIndex);
    if (!list || !level || level.format === 'bullet') return '- ';

    const counts = this.counters.get(list.definition) ?? [];
    const restartKey = `${listId}/${levelIndex}`;
    const restart = list.restarts.get(levelIndex);
    const current = counts[levelIndex];
    if (restart !== undefined && !this.restarted.has(restartKey)) {
      this.restarted.add(restartKey);
      counts[levelIndex] = restart;
    } else counts[levelIndex] = current === undefined ? level.start : current + 1;
    // A deeper level starts again after each item of this one.
    counts.length = levelIndex + 1;
    this.counters.set(list.definition, counts);

    const text = level.text.replace(/%(\d)/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const l = list.levels.get(i);
      return formatNumber(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
    return text.trim() === '' ? undefined : `${text.trim()} `;
  }
}
