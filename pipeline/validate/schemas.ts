/**
 * The JSON Schemas of schemas/, each compiled with Ajv's 2020-12 class once per process, when
 * first needed. They are the single source of truth: the TypeScript types are generated from them
 * too.
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

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema the first time it is needed: a run whose records are all known never compiles the record schema. */
function validatorOf<T>(file: (typeof schemaFiles)[number]): ValidateFunction<T> {
  let validate = compiled.get(file);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
      addFormats(ajv, ['date', 'uri']);
    }
    validate = ajv.compile(readSchema(file));
    compiled.set(file, validate);
  }
  return validate as ValidateFunction<T>;
}

const validators: Validators = {
  get record() {
    return validatorOf<SessionRecord>('session-record.schema.json');
  },
  get organizations() {
    return validatorOf<OrganizationRegistry>('organizations.schema.json');
  },
  get config() {
    return validatorOf<ConfigFile>('config.schema.json');
  },
};

export const getValidators = (): Validators => validators;
