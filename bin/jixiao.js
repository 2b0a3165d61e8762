#!/usr/bin/env node
// In a checkout the TypeScript sources are run through tsx (no build step after `npm ci`);
// an installed package without src/ runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let main;
if (existsSync(src)) {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import(src);
} else {
  main = await import('../dist/cli/main.js');
}
process.exitCode = await main.runCli(process.argv.slice(2));
