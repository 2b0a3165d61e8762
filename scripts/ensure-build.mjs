#!/usr/bin/env node
// `prestart`: build when dist/server.js is missing or older than any file in src/ (or the
// tsconfig files), so that `npm start` works on a fresh clone after `npm ci`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'dist', 'server.js');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

let built = 0;
try {
  built = statSync(target).mtimeMs;
} catch {
  built = 0;
}
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'tsconfig.json')), newest(join(root, 'tsconfig.build.json')));

if (built === 0 || built < sources) {
  process.stderr.write(built === 0 ? 'dist/server.js is missing: building\n' : 'src/ is newer than dist/: building\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
