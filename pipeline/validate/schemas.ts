/**
 * The JSON Schemas of schemas/, compiled once per process with Ajv's 2020-12 class. They are the
 * single source of truth: the TypeScript types are generated from them too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import type { ConfigFile, OrganizationRegistry, SessionRecord } from '../model/index.ts';

export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
export const schemaFiles = [
  'session-record.schema.json',
  'organizations.schema.json',
  'config.schema.json',
] as const;

export const readSchema = (file: (typeof schemaFiles)[number]): Record<string, unknown> =>
  JSON.parse(readFileSync(`${schemasDir}${file}`, 'utf8'));

export interface Validators {
  record: ValidateFunction<SessionRecord>;
  organizations: ValidateFunction<OrganizationRegistry>;
  config: ValidateFunction<ConfigFile>;
}

// ajv-formats is CommonJS: under ESM its function arrives as the module's default export.
const addFormats = ajvFormats.default as unknown as typeof ajvFormats.default.default;

let compiled: Validators | undefined;

export function getValidators(): Validators {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri']);
  compiled = {
    record: ajv.compile<SessionRecord>(readSchema('session-record.schema.json')),
    organizations: ajv.compile<OrganizationRegistry>(readSchema('organizations.schema.json')),
    config: ajv.compile<ConfigFile>(readSchema('config.schema.json')),
  };
  return compiled;
}
