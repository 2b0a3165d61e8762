/** Component tests: test/web/*.test.tsx in happy-dom (npx vitest run --config web/vitest.config.ts). */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: { include: ['test/web/**/*.test.tsx'], setupFiles: ['test/web/setup.ts'], environment: 'happy-dom', pool: 'threads', maxWorkers: 1 },
});
