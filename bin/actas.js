#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so that `npx actas` works
// straight after `npm install`, with no build step that could go stale.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
