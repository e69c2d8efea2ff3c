/*
 * Actas Abiertas, table explorer: the pure part. Searching without regard to accents or case,
 * column filters, sorting, the explorer's address (#resource?column=value&q=…), and CSV written
 * with the same rules as the published files. No DOM here: the same file runs in Node's tests.
 */
((global) => {
  const combiningMarks = /[\u0300-\u036f]/g;

  /** "Participación" → "participacion": what search and filters compare. */
  const normalize = (value) => String(value).normalize('NFD').replace(combiningMarks, '').toLowerCase();

  /** 200000 → "200.000". */
  const formatCount = (n) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  /** What a cell shows: coded values with their Spanish label, null as nothing. */
  const displayText = (value, field) => {
    if (value === null || value === undefined) return '';
    const label = field.labels?.[value];
    return label === undefined ? String(value) : label;
  };

  /** One string per row with every cell (and label) normalised: searched with includes(). */
  const rowHaystack = (row, fields) => {
    const parts = [];
    for (let i = 0; i < fields.length; i++) {
      const value = row[i];
      if (value === null || value === undefined) continue;
      parts.push(normalize(value));
      const label = fields[i].labels?.[value];
      if (label !== undefined) parts.push(normalize(label));
    }
    return parts.join('\n');
  };

  const reserved = { q: true, orden: true, pagina: true, filas: true };
  const pageSizes = [25, 50, 100, 200];

  /** "#attendance?organization_id=cplt&sector~=gob&q=datos&orden=-date&pagina=2&filas=100" → state. */
  const parseHash = (hash) => {
    const text = String(hash || '').replace(/^#/, '');
    const mark = text.indexOf('?');
    let resource = mark < 0 ? text : text.slice(0, mark);
    try {
      resource = decodeURIComponent(resource);
    } catch {
      resource = '';
    }
    const state = { resource, q: '', filters: [], sort: null, page: 1, pageSize: 50 };
    const params = new URLSearchParams(mark < 0 ? '' : text.slice(mark + 1));
    for (const [key, value] of params) {
      if (key === 'q') state.q = value;
      else if (key === 'orden' && value !== '') {
        state.sort = value.startsWith('-')
          ? { field: value.slice(1), descending: true }
          : { field: value, descending: false };
      } else if (key === 'pagina') state.page = Math.max(1, Number.parseInt(value, 10) || 1);
      else if (key === 'filas') state.pageSize = pageSizes.includes(Number(value)) ? Number(value) : 50;
      else if (key.endsWith('~')) state.filters.push({ field: key.slice(0, -1), op: 'contains', value });
      else state.filters.push({ field: key, op: 'eq', value });
    }
    return state;
  };

  /** The inverse of parseHash, without the defaults. */
  const formatHash = (state) => {
    const parts = [];
    const pair = (key, value) => parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    for (const f of state.filters) pair(f.op === 'contains' ? `${f.field}~` : f.field, f.value);
    if (state.q) pair('q', state.q);
    if (state.sort) pair('orden', `${state.sort.descending ? '-' : ''}${state.sort.field}`);
    if (state.page > 1) pair('pagina', String(state.page));
    if (state.pageSize !== 50) pair('filas', String(state.pageSize));
    return `${encodeURIComponent(state.resource)}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
  };

  /** Drops filters and sorting on columns the resource does not have (an old or mistyped link). */
  const sanitizeState = (state, resource) => {
    const names = resource.fields.map((f) => f.name);
    return {
      ...state,
      resource: resource.name,
      filters: state.filters.filter((f) => names.includes(f.field) && !reserved[f.field]),
      sort: state.sort && names.includes(state.sort.field) ? state.sort : null,
    };
  };

  /** The state's search and filters, ready to test rows: terms and values normalised, fields as indexes. */
  const compileQuery = (fields, state) => {
    const terms = normalize(state.q).split(/\s+/).filter(Boolean);
    const filters = state.filters.map((f) => {
      const index = fields.findIndex((field) => field.name === f.field);
      return { index, field: fields[index], op: f.op, value: normalize(f.value.trim()) };
    });
    return { terms, filters, active: terms.length > 0 || filters.length > 0 };
  };

  const cellMatches = (value, filter) => {
    const candidates = [value === null || value === undefined ? '' : normalize(value)];
    const label = filter.field.labels?.[value];
    if (label !== undefined) candidates.push(normalize(label));
    return candidates.some((text) =>
      filter.op === 'eq' ? text === filter.value : text.includes(filter.value),
    );
  };

  /** True when the row passes every filter and contains every search term. `haystack` is rowHaystack(row). */
  const rowMatches = (row, haystack, compiled) => {
    for (const filter of compiled.filters) if (!cellMatches(row[filter.index], filter)) return false;
    for (const term of compiled.terms) if (!haystack().includes(term)) return false;
    return true;
  };

  /** A cell as its table sorts it: numbers as numbers, text normalised, empty as null (always last). */
  const sortKey = (value) => {
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'number' ? value : normalize(value);
  };

  const compareKeys = (a, b, descending) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    const order = a < b ? -1 : 1;
    return descending ? -order : order;
  };

  // OWASP "CSV injection": the published CSV puts an apostrophe before text starting like a formula.
  const formulaStart = /^[=+\-@\t\r]/;
  const neutralizeFormula = (text) => (formulaStart.test(text) ? `'${text}` : text);

  /** One CSV cell as data/<resource>.csv writes it: RFC 4180 quoting, null empty, formulas neutralised. */
  const csvCell = (value, field) => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (field.type === 'string' && typeof value === 'string') text = neutralizeFormula(text);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  /** Header of field names, then the rows; CRLF after every record; UTF-8 without BOM (the caller's Blob). */
  const toCsv = (fields, rows) => {
    const lines = [fields.map((f) => csvCell(f.name, { type: 'integer' })).join(',')];
    for (const row of rows) lines.push(fields.map((f, i) => csvCell(row[i], f)).join(','));
    return `${lines.join('\r\n')}\r\n`;
  };

  global.ActasQuery = {
    normalize,
    formatCount,
    displayText,
    rowHaystack,
    parseHash,
    formatHash,
    sanitizeState,
    compileQuery,
    rowMatches,
    sortKey,
    compareKeys,
    neutralizeFormula,
    csvCell,
    toCsv,
  };
})(globalThis);
