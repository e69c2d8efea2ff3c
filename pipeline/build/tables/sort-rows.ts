import type { Cell, Row } from './table-schema.ts';

/**
 * Compares cells for the published row order: nulls last, numbers by value, text by UTF-16 code
 * unit. Never localeCompare: the order must not depend on the machine's locale.
 */
export function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : 1;
}

const compareRows =
  (fields: readonly string[]) =>
  (a: Row, b: Row): number => {
    for (const f of fields) {
      const c = compareCells(a[f], b[f]);
      if (c !== 0) return c;
    }
    return 0;
  };

/** A sorted copy of rows by the given fields (stable for equal keys). */
export function sortRows(rows: readonly Row[], fields: readonly string[]): Row[] {
  const compare = compareRows(fields);
  // Rows usually arrive in order already (records sorted, items in acta order): check before sorting.
  const sorted = rows.every((row, i) => i === 0 || compare(rows[i - 1] as Row, row) <= 0);
  return sorted ? [...rows] : [...rows].sort(compare);
}
