/**
 * actas.sqlite (sql.js): the eight tables with keys and indexes, ready for sqlite3 and Datasette.
 * The bytes are deterministic: one SQLite build (the sql.js version is pinned by package-lock),
 * a fixed page size, the same statements and the same inserts in the same order, in one
 * transaction; nothing in the file records the time or the machine. A different sql.js version
 * may write different bytes (the header stores the library's version number).
 */
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import type { Table } from '../tables/build-tables.ts';
import { createIndexSql, createTableSql, insertionOrder, insertSql } from './sqlite-ddl.ts';

let engine: Promise<SqlJsStatic> | undefined;
const sqlJs = (): Promise<SqlJsStatic> => {
  engine ??= initSqlJs();
  return engine;
};

/** Builds the database; throws only on a defect (a broken key is caught earlier by checkTables). */
export async function buildSqlite(tables: readonly Table[]): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA page_size = 4096');
    db.run('PRAGMA foreign_keys = ON');
    const byName = new Map(tables.map((t) => [t.resource.name, t]));
    const ordered = insertionOrder(tables.map((t) => t.resource));
    for (const resource of ordered) db.run(createTableSql(resource));
    for (const resource of ordered) for (const sql of createIndexSql(resource)) db.run(sql);
    db.run('BEGIN');
    for (const resource of ordered) {
      const statement = db.prepare(insertSql(resource));
      try {
        for (const row of byName.get(resource.name)?.rows ?? []) {
          statement.run(resource.fields.map((f): SqlValue => row[f.name] ?? null));
        }
      } finally {
        statement.free();
      }
    }
    db.run('COMMIT');
    const broken = db.exec('PRAGMA foreign_key_check');
    if (broken.length > 0) throw new Error(`PRAGMA foreign_key_check: ${JSON.stringify(broken[0]?.values)}`);
    return db.export();
  } finally {
    db.close();
  }
}
