/**
 * A generated part of README.md: the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
 * Used by the codes and configuration tables (scripts/codes-doc.ts, scripts/config-doc.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The README with the section `name` replaced by `text`. */
export function withSection(readme: string, name: string, text: string): string {
  const start = `<!-- ${name}:start -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(`<!-- ${name}:end -->`);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${name} markers`);
  return readme.slice(0, a + start.length) + '\n' + text + readme.slice(b);
}

/** `--write` on the command line: rewrite README.md through `update`. */
export function writeIfAsked(update: (readme: string) => string): void {
  if (!process.argv.includes('--write')) return;
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, update(readFileSync(path, 'utf8')));
}
