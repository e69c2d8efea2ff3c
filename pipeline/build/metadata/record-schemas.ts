/** schemas/: the JSON Schemas that records/<id>.json (and the registry) validate against, copied byte for byte. */
import { readFileSync } from 'node:fs';
import { schemasDir } from '../../validate/schemas.ts';
import { schemaPath } from '../paths.ts';

export const publishedSchemas = ['session-record.schema.json', 'organizations.schema.json'] as const;

let cached: ReadonlyMap<string, Uint8Array> | undefined;

/** The project's schema files as published paths and bytes (read once: they are part of the program). */
export function recordSchemaFiles(): ReadonlyMap<string, Uint8Array> {
  cached ??= new Map(
    publishedSchemas.map((file) => [schemaPath(file), new Uint8Array(readFileSync(`${schemasDir}${file}`))]),
  );
  return cached;
}
