/** The TypeScript types are generated from the JSON Schemas; this fails when they drift apart. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generatedTypesPath, generateTypes } from '../scripts/generate-types.ts';

describe('schema types', () => {
  it('pipeline/model/schema-types.ts is what the schemas generate (run `npm run gen:types`)', async () => {
    expect(await readFile(generatedTypesPath, 'utf8')).toBe(await generateTypes());
  });
});
