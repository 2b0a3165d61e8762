/**
 * The design's two rules about src/core, checked on the source: it is pure (it imports nothing of
 * fastify, pino, the file system, the network or the shells around it), and no function in it is
 * over 60 lines (small pure steps; a rule lives in one place).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import t from 'tap';
import ts from 'typescript';

const CORE = new URL('../src/core/', import.meta.url).pathname;
const MAX_LINES = 60;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = files(CORE).map((p) => ts.createSourceFile(p, readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, true));

/** What src/core may import: itself, zod, decimal.js (exact arithmetic) and node:crypto (a policy's sha256: computation, no I/O). */
function allowed(spec: string, file: string): boolean {
  if (spec.startsWith('.')) return !relative(CORE, join(file, '..', spec)).startsWith('..');
  return spec === 'zod' || spec.startsWith('zod/') || spec === 'decimal.js' || spec === 'node:crypto';
}

t.test('src/core imports only itself, zod, decimal.js and node:crypto', async (t) => {
  t.ok(sources.length > 50, `${sources.length} files read`);
  const bad: string[] = [];
  for (const src of sources) {
    for (const st of src.statements) {
      if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const spec = st.moduleSpecifier.text;
        if (!allowed(spec, src.fileName)) bad.push(`${relative(CORE, src.fileName)}: ${spec}`);
      }
    }
  }
  t.same(bad, [], 'no import leaves the core or does I/O');
  // The check itself can fail: a shell's import is refused.
  t.equal(allowed('../../http/app.js', join(CORE, 'engine/score.ts')), false);
  t.equal(allowed('node:fs', join(CORE, 'engine/score.ts')), false);
});

t.test(`no function in src/core is over ${MAX_LINES} lines`, async (t) => {
  const long: string[] = [];
  let count = 0;
  for (const src of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) && 'body' in n && n.body) {
        count++;
        const first = src.getLineAndCharacterOfPosition(n.getStart()).line;
        const last = src.getLineAndCharacterOfPosition(n.getEnd()).line;
        if (last - first + 1 > MAX_LINES) long.push(`${relative(CORE, src.fileName)}:${first + 1} (${last - first + 1} lines)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  t.ok(count > 300, `${count} functions measured`);
  t.same(long, [], 'every function fits in 60 lines');
});
