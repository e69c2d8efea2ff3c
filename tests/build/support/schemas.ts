/** Ajv (draft 2020-12) over the schemas the tree publishes in schemas/, as a reuser would validate records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { repoRoot } from '../../support/workspace.ts';

const addFormats = ajvFormats.default as unknown as typeof ajvFormats.default.default;

export function recordValidator(
  schemaText = readFileSync(join(repoRoot, 'schemas/session-record.schema.json'), 'utf8'),
) {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(schemaText));
}
