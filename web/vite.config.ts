/**
 * The web workbench: web/ → dist/ui (served under /ui by src/http/routes/ui.ts).
 *   npx vite build --config web/vite.config.ts      (npm run build does it after the server)
 *   npx vite --config web/vite.config.ts            (dev server on :5173, API proxied to :3000)
 * Preact through oxc's JSX transform (no Babel preset). ECharts is a lazy chunk of the dashboard.
 * After the build every text asset over 1 KB gets a .br and a .gz next to it (@fastify/static
 * preCompressed serves them).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const outDir = resolve(here, '../dist/ui');

function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const buf = readFileSync(file);
        if (buf.length < 1024) continue;
        writeFileSync(file + '.gz', gzipSync(buf, { level: 9 }));
        writeFileSync(file + '.br', brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/ui/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
    rolldownOptions: { input: { index: resolve(here, 'index.html') } },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/ui/session': 'http://127.0.0.1:3000' } },
  plugins: [precompress()],
});
