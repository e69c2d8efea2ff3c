/*
 * Actas Abiertas, table explorer: the page. Reads the list of tables from the page, follows the
 * address (#resource?…) so that every view can be linked to, loads a table when its tab opens,
 * and searches, filters and sorts in slices, yielding to the browser between them, so that a
 * table of hundreds of thousands of rows never freezes the page. Record text only ever reaches
 * the page through textContent.
 */
(() => {
  const Q = globalThis.ActasQuery;
  const L = globalThis.ActasLoader;
  const $ = (id) => document.getElementById(id);

  /** Rows examined between two yields to the browser. */
  const slice = 10000;

  const resources = JSON.parse($('explorador-tablas').textContent);
  const autoOpenBytes = Number($('explorador').dataset.autoOpenBytes);
  const byName = new Map(resources.map((r) => [r.name, r]));
  const ui = {
    root: $('explorador'),
    title: $('explorador-titulo'),
    description: $('explorador-descripcion'),
    searchForm: $('buscar'),
    search: $('buscar-texto'),
    filterForm: $('filtrar'),
    filterField: $('filtro-columna'),
    filterOp: $('filtro-condicion'),
    filterValue: $('filtro-valor'),
    activeFilters: $('filtros-activos'),
    status: $('estado'),
    download: $('descargar'),
    caption: $('tabla-titulo'),
    head: document.querySelector('#tabla thead'),
    body: document.querySelector('#tabla tbody'),
    previous: $('anterior'),
    next: $('siguiente'),
    page: $('pagina'),
    pageSize: $('filas-por-pagina'),
    csvLink: $('csv-publicado'),
    tabs: [...document.querySelectorAll('.tabs a[data-resource]')],
  };

  /** Loaded tables: rows, and per row its search text and per column its sort keys, made when first needed. */
  const tables = new Map();
  let state = null;
  let shownResource = null;
  let view = null;
  let generation = 0;

  const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));
  const setPhase = (phase) => {
    ui.root.dataset.state = phase;
  };
  const say = (text) => {
    ui.status.textContent = text;
  };
  const element = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const rowsText = (n) => `${Q.formatCount(n)} ${n === 1 ? 'fila' : 'filas'}`;

  const commitHash = () => {
    history.replaceState(null, '', `#${Q.formatHash(state)}`);
  };

  function showResource(resource) {
    if (shownResource === resource) return;
    shownResource = resource;
    view = null;
    ui.title.textContent = resource.title;
    ui.description.textContent = resource.description;
    ui.caption.textContent = `${resource.title} (${resource.name})`;
    ui.csvLink.href = resource.csv;
    for (const tab of ui.tabs) {
      if (tab.dataset.resource === resource.name) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    ui.filterField.replaceChildren(
      ...resource.fields.map((f) => {
        const option = element('option', `${f.title} (${f.name})`);
        option.value = f.name;
        return option;
      }),
    );
    ui.head.replaceChildren();
    ui.body.replaceChildren();
    ui.page.textContent = '';
    ui.previous.disabled = true;
    ui.next.disabled = true;
    ui.download.disabled = true;
  }

  function showFilters(resource) {
    ui.activeFilters.replaceChildren(
      ...state.filters.map((filter, i) => {
        const field = resource.fields.find((f) => f.name === filter.field);
        const item = element('li');
        const how = filter.op === 'eq' ? 'es exactamente' : 'contiene';
        item.append(element('span', `${field.title} ${how} «${filter.value}»`));
        const remove = element('button', 'Quitar');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Quitar el filtro ${field.title} ${how} «${filter.value}»`);
        remove.addEventListener('click', () => {
          state.filters.splice(i, 1);
          state.page = 1;
          commitHash();
          refresh();
        });
        item.append(remove);
        return item;
      }),
    );
  }

  /** With no table in the address and a big first table: say what each tab costs, load nothing. */
  function showChooser() {
    shownResource = null;
    view = null;
    state = null;
    ++generation;
    ui.title.textContent = 'Elija una tabla';
    ui.description.textContent = `Cada tabla se descarga al abrir su pestaña: ${resources
      .map((r) => `${r.title}, ${rowsText(r.rowCount)} (${r.size})`)
      .join('; ')}.`;
    for (const tab of ui.tabs) tab.removeAttribute('aria-current');
    ui.filterField.replaceChildren();
    ui.activeFilters.replaceChildren();
    ui.head.replaceChildren();
    ui.body.replaceChildren();
    ui.download.disabled = true;
    say('Ninguna tabla abierta.');
    setPhase('idle');
  }

  /** Follows the address: shows the table it names, loading it first if needed. */
  async function route() {
    const wanted = Q.parseHash(location.hash);
    const first = resources[0];
    const resource = byName.get(wanted.resource) ?? (first && first.bytes <= autoOpenBytes ? first : null);
    if (!resource) {
      showChooser();
      return;
    }
    state = Q.sanitizeState(wanted, resource);
    showResource(resource);
    ui.search.value = state.q;
    ui.pageSize.value = String(state.pageSize);
    showFilters(resource);
    const token = ++generation;
    if (!tables.has(resource.name)) {
      setPhase('loading');
      const loading = (loaded) =>
        `Cargando ${resource.title} (${resource.size}): ${Q.formatCount(loaded)} de ${Q.formatCount(resource.rowCount)} filas…`;
      say(loading(0));
      try {
        const rows = await L.loadResource(resource, (loaded) => {
          if (token === generation) say(loading(loaded));
        });
        tables.set(resource.name, { resource, rows, haystacks: new Array(rows.length), sortKeys: new Map() });
      } catch {
        if (token !== generation) return;
        setPhase('error');
        say('No se pudieron cargar las filas de esta tabla. Puede descargarla completa desde la portada.');
        return;
      }
    }
    if (token === generation) await query(tables.get(resource.name), token);
  }

  /** Filters and sorts the table for the current state, in slices; a newer request abandons an older one. */
  async function query(table, token) {
    setPhase('searching');
    const { rows, resource } = table;
    const compiled = Q.compileQuery(resource.fields, state);
    let indices;
    if (!compiled.active) {
      indices = Array.from({ length: rows.length }, (_, i) => i);
    } else {
      say('Buscando…');
      indices = [];
      for (let start = 0; start < rows.length; start += slice) {
        const end = Math.min(rows.length, start + slice);
        for (let i = start; i < end; i++) {
          const haystack = () => {
            table.haystacks[i] ??= Q.rowHaystack(rows[i], resource.fields);
            return table.haystacks[i];
          };
          if (Q.rowMatches(rows[i], haystack, compiled)) indices.push(i);
        }
        if (end < rows.length) {
          await yieldToBrowser();
          if (token !== generation) return;
        }
      }
    }
    if (state.sort) {
      const { field, descending } = state.sort;
      let keys = table.sortKeys.get(field);
      if (!keys) {
        const column = resource.fields.findIndex((f) => f.name === field);
        keys = new Array(rows.length);
        for (let start = 0; start < rows.length; start += slice) {
          const end = Math.min(rows.length, start + slice);
          for (let i = start; i < end; i++) keys[i] = Q.sortKey(rows[i][column]);
          if (end < rows.length) {
            await yieldToBrowser();
            if (token !== generation) return;
          }
        }
        table.sortKeys.set(field, keys);
      }
      // Ties keep the published order, so the same view always lists rows the same way.
      indices.sort((a, b) => Q.compareKeys(keys[a], keys[b], descending) || a - b);
    }
    if (token !== generation) return;
    view = { table, indices };
    render();
    setPhase('ready');
  }

  function headerCell(resource, field) {
    const th = element('th');
    th.scope = 'col';
    if (field.type === 'integer' || field.type === 'number') th.className = 'num';
    const sorted = state.sort?.field === field.name ? state.sort : null;
    if (sorted) th.setAttribute('aria-sort', sorted.descending ? 'descending' : 'ascending');
    const button = element('button', field.title, 'sort');
    button.type = 'button';
    const arrow = element('span', sorted ? (sorted.descending ? ' ▼' : ' ▲') : '', 'arrow');
    arrow.setAttribute('aria-hidden', 'true');
    button.append(arrow, element('span', field.name, 'field-name'));
    // Said, not shown: what pressing it does. The visible text stays the start of its name.
    const next = sorted && !sorted.descending ? 'de mayor a menor' : 'de menor a mayor';
    button.append(element('span', `, ordenar ${next}`, 'visually-hidden'));
    button.addEventListener('click', () => {
      state.sort = { field: field.name, descending: Boolean(sorted && !sorted.descending) };
      state.page = 1;
      commitHash();
      refresh().then(() => {
        // The header was rebuilt: keep the keyboard where it was.
        const again = [...ui.head.querySelectorAll('button.sort')][resource.fields.indexOf(field)];
        again?.focus();
      });
    });
    th.append(button);
    return th;
  }

  function bodyCell(resource, field, value) {
    const td = element('td');
    const text = Q.displayText(value, field);
    if (value === null || value === undefined) {
      td.className = 'null';
    } else if (field.name === 'session_id') {
      const link = element('a', text);
      link.href = `records/${encodeURIComponent(String(value))}.html`;
      td.className = 'id';
      td.append(link);
    } else if (resource.name === 'organizations' && field.name === 'organization_id') {
      const link = element('a', text);
      link.href = `#attendance?organization_id=${encodeURIComponent(String(value))}`;
      link.title = 'Ver sus participaciones';
      td.className = 'id';
      td.append(link);
    } else if (field.long) {
      td.append(element('span', text, 'long'));
    } else {
      td.textContent = text;
    }
    if (field.type === 'integer' || field.type === 'number') td.classList.add('num');
    return td;
  }

  function render() {
    const { table, indices } = view;
    const { resource, rows } = table;
    const pages = Math.max(1, Math.ceil(indices.length / state.pageSize));
    state.page = Math.min(state.page, pages);
    const first = (state.page - 1) * state.pageSize;
    const shown = indices.slice(first, first + state.pageSize);

    const headRow = element('tr');
    for (const field of resource.fields) headRow.append(headerCell(resource, field));
    ui.head.replaceChildren(headRow);
    const fragment = document.createDocumentFragment();
    for (const i of shown) {
      const tr = element('tr');
      resource.fields.forEach((field, column) => {
        tr.append(bodyCell(resource, field, rows[i][column]));
      });
      fragment.append(tr);
    }
    ui.body.replaceChildren(fragment);

    const total = rows.length;
    const filtered = indices.length !== total;
    if (indices.length === 0) {
      say(`Ninguna fila cumple la búsqueda y los filtros (la tabla tiene ${rowsText(total)}).`);
    } else {
      const range = `${Q.formatCount(first + 1)}–${Q.formatCount(first + shown.length)}`;
      say(
        `Mostrando ${range} de ${rowsText(indices.length)}${filtered ? ` (de ${Q.formatCount(total)} en total)` : ''}.`,
      );
    }
    ui.page.textContent = `Página ${Q.formatCount(state.page)} de ${Q.formatCount(pages)}`;
    ui.previous.disabled = state.page <= 1;
    ui.next.disabled = state.page >= pages;
    ui.download.disabled = indices.length === 0;
    ui.download.textContent = `Descargar lo que veo (CSV, ${rowsText(indices.length)})`;
  }

  /** Runs the query again for the current state (after a search, filter or sort). */
  const refresh = () => {
    showFilters(byName.get(state.resource));
    const table = tables.get(state.resource);
    return table ? query(table, ++generation) : route();
  };

  let typing;
  ui.search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (!state || state.q === ui.search.value) return;
      state.q = ui.search.value;
      state.page = 1;
      commitHash();
      refresh();
    }, 200);
  });
  ui.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    if (!state) return;
    state.q = ui.search.value;
    state.page = 1;
    commitHash();
    refresh();
  });

  ui.filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = ui.filterValue.value.trim();
    if (!state || value === '') return;
    state.filters.push({
      field: ui.filterField.value,
      op: ui.filterOp.value === 'eq' ? 'eq' : 'contains',
      value,
    });
    state.page = 1;
    ui.filterValue.value = '';
    commitHash();
    refresh();
  });

  const turnPage = (delta) => {
    if (!view || !state) return;
    state.page += delta;
    commitHash();
    render();
  };
  ui.previous.addEventListener('click', () => turnPage(-1));
  ui.next.addEventListener('click', () => turnPage(1));
  ui.pageSize.addEventListener('change', () => {
    if (!state) return;
    state.pageSize = Number(ui.pageSize.value);
    state.page = 1;
    commitHash();
    if (view) render();
  });

  ui.download.addEventListener('click', () => {
    if (!view) return;
    const { table, indices } = view;
    const csv = Q.toCsv(
      table.resource.fields,
      indices.map((i) => table.rows[i]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = element('a');
    link.href = url;
    link.download = `${table.resource.name}-seleccion.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });

  window.addEventListener('hashchange', route);
  route();
})();
