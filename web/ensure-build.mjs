#!/usr/bin/env node
// `prestart`: build the web page (dist/ui) when it is missing or older than any file in web/,
// so that `npm ci && npm start` serves /ui/ on a fresh clone.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'dist', 'ui', 'index.html');

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
if (built === 0 || built < newest(join(root, 'web'))) {
  process.stderr.write(built === 0 ? 'dist/ui is missing: building the web page\n' : 'web/ is newer than dist/ui: building the web page\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build:ui'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
