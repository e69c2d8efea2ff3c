/*
 * Actas Abiertas, table explorer: loading a resource's rows. Each data file is a script
 * (assets/data/<resource>-<n>.js) that registers its rows in window.actasChunks; scripts load
 * from file:// as well as over HTTP, where fetch() of local files would be refused. A resource is
 * loaded once, file by file, saying how far it has got.
 */
((global) => {
  const loading = new Map();

  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => {
        script.remove();
        resolve();
      };
      script.onerror = () => {
        script.remove();
        reject(new Error(`No se pudo cargar ${src}`));
      };
      document.head.appendChild(script);
    });

  /** Rows of `resource` (arrays in field order); onProgress(loaded, total) after each file. */
  const loadResource = (resource, onProgress) => {
    const known = loading.get(resource.name);
    if (known) return known;
    const promise = (async () => {
      const rows = [];
      for (let i = 0; i < resource.chunks.length; i++) {
        await loadScript(resource.chunks[i]);
        const key = `${resource.name}/${i}`;
        const part = global.actasChunks?.[key];
        if (!Array.isArray(part)) throw new Error(`Faltan las filas ${key}`);
        delete global.actasChunks[key];
        for (const row of part) rows.push(row);
        onProgress(rows.length, resource.rowCount);
      }
      return rows;
    })();
    loading.set(resource.name, promise);
    // A failed load can be retried by opening the tab again.
    promise.catch(() => loading.delete(resource.name));
    return promise;
  };

  global.ActasLoader = { loadResource };
})(globalThis);
