#!/usr/bin/env node
// Entry point for `npx newsgraph …` and `npm start`: runs the TypeScript CLI through tsx, no build step.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relay, spawnTypeScript } from './run-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
relay(spawnTypeScript(join(root, 'server/cli/main.ts'), process.argv.slice(2)));
