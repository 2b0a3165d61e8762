/**
 * The page's component tests (vitest 4 + happy-dom, test/web/*.test.tsx) counted by tap: vitest
 * runs once in a child process with its JSON reporter, and every vitest test becomes one tap
 * assertion here (its failure messages as the diagnostic).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface VitestReport {
  numTotalTests: number;
  testResults: {
    name: string;
    message: string;
    assertionResults: { fullName: string; status: 'passed' | 'failed' | 'pending' | 'skipped' | 'todo'; failureMessages: string[] }[];
  }[];
}

/** The child is not part of tap's coverage (web/ is measured by its own tests): no V8 coverage, no processinfo hooks. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.NODE_V8_COVERAGE;
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) if (k.startsWith('_TAPJS') || k.startsWith('TAP_')) delete env[k];
  return env;
}

// Sized by work: happy-dom start and three files on a busy 2-core machine.
t.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-vitest-'));
const out = join(dir, 'report.json');
const bin = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [bin, 'run', '--config', 'web/vitest.config.ts', '--reporter=json', `--outputFile=${out}`], {
  cwd: ROOT,
  encoding: 'utf8',
  env: childEnv(),
});
let report: VitestReport | null = null;
try {
  report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
} catch {
  report = null;
}
rmSync(dir, { recursive: true, force: true });

if (!report) {
  t.fail('vitest wrote no report', { exitCode: run.status, stderr: run.stderr.slice(-4000), stdout: run.stdout.slice(-2000) });
} else {
  t.ok(report.numTotalTests > 0, `vitest ran ${report.numTotalTests} component tests`);
  for (const file of report.testResults) {
    const name = relative(ROOT, file.name);
    t.test(name, async (t) => {
      if (file.assertionResults.length === 0) t.fail(`${name} did not run: ${file.message}`);
      for (const a of file.assertionResults) {
        const opts = a.status === 'passed' || a.status === 'failed'
          ? { diagnostic: a.status === 'failed', failures: a.failureMessages.map((m) => m.slice(0, 2000)) }
          : { todo: a.status === 'todo', skip: a.status !== 'todo' };
        // Each vitest test is one assertion here: it fails when the component test did.
        t.equal(a.status === 'todo' || a.status === 'skipped' || a.status === 'pending' ? 'passed' : a.status, 'passed', a.fullName, opts);
      }
    });
  }
  t.equal(run.status, 0, 'vitest exits 0');
}
