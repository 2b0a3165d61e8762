/**
 * The environment for a child process a test spawns (the bin, the server, the crash writer).
 * tap instruments every descendant for coverage (it re-injects itself even when NODE_OPTIONS is
 * cleared); a child that loads the same sources through tsx reports them under other source
 * maps, and merging the two drops whole folders from the coverage report. The children run with
 * coverage off: what they exercise is counted by the tests that load the same code in-process.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, _TAPJS_PROCESSINFO_COVERAGE_: '0', ...extra };
}
