/**
 * Numbers, sizes and dates as a Chilean reader writes them ("1.234", "1,8 kB", "30 de junio de
 * 2016"). Written by hand rather than with Intl so that the bytes do not depend on the ICU data
 * of the Node.js that builds the site.
 */

const months = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** 200000 → "200.000". */
export const formatCount = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1 → "1 fila", 2 → "2 filas". */
export const plural = (n: number, one: string, many: string): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** Bytes in decimal units with a decimal comma: 583 B, 1,8 kB, 24 kB, 1,2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

/** "2016-06-30" → "30 de junio de 2016"; anything else is returned as given. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = m ? months[Number(m[2]) - 1] : undefined;
  if (!m || !month) return isoDate;
  return `${Number(m[3])} de ${month} de ${m[1]}`;
}

/** "15:00"–"18:00" → "15:00 a 18:00"; one missing end is left out. */
export function formatTimeRange(start: string | null, end: string | null): string | null {
  if (start && end) return `${start} a ${end}`;
  if (start) return `desde las ${start}`;
  if (end) return `hasta las ${end}`;
  return null;
}

export const sectorLabels: Record<string, string> = {
  government: 'Gobierno',
  civil_society: 'Sociedad civil',
};
