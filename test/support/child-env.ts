/**
 * The environment for a child process a test spawns through tsx (the bin, the crash writer).
 * tap re-injects its process tracking into every descendant; a child that loads the same
 * sources through tsx and reports into the test's own process tree shows them under other
 * source maps, and the merge then drops whole folders from the coverage report. Without tap's
 * tracking variables the child reports as a tree of its own, which leaves the report intact.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('_TAPJS_PROCESSINFO') || k === 'NODE_V8_COVERAGE') continue;
    if (k === 'NODE_OPTIONS') {
      const kept = (v ?? '').replace(/"?--import=\S*@tapjs\/processinfo\S*"?/g, '').trim();
      if (kept) env[k] = kept;
      continue;
    }
    env[k] = v;
  }
  return { ...env, ...extra };
}
