#!/usr/bin/env node
// `prestart`: build what is missing or older than its sources, so that `npm ci && npm start`
// works on a fresh clone: the server (dist/server.js from src/ and the tsconfig files; `npm run
// build` also builds the page) and then the web page alone (dist/ui from web/).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** [what is built, its sources, the npm script, its name in the message] — first stale one wins. */
const STEPS = [
  ['dist/server.js', ['src', 'tsconfig.json', 'tsconfig.build.json'], 'build', 'the server'],
  ['dist/ui/index.html', ['web'], 'build:ui', 'the web page'],
];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function builtAt(target) {
  try {
    return statSync(join(root, target)).mtimeMs;
  } catch {
    return 0;
  }
}

for (const [target, sources, script, what] of STEPS) {
  const built = builtAt(target);
  if (built !== 0 && built >= Math.max(...sources.map((s) => newest(join(root, s))))) continue;
  process.stderr.write(`${target} is ${built === 0 ? 'missing' : 'older than its sources'}: building ${what}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
