/**
 * The environment for a child process a test spawns through tsx (the bin, the crash writer).
 * tap re-injects its process tracking into every descendant, even when NODE_OPTIONS is cleared;
 * a child that loads the same sources through tsx reports them under other source maps, and the
 * merge then loses the test's own coverage of those files. The children run with coverage off:
 * what they exercise is counted by the tests that load the same code in-process.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, _TAPJS_PROCESSINFO_COVERAGE_: '0', ...extra };
}
