/**
 * The configuration table of README.md, generated from src/config.ts (ConfigSchema) so the two
 * cannot drift: `npx tsx scripts/config-doc.ts --write` rewrites the part between the markers;
 * test/http-config.test.ts fails when the committed README differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { envDocs } from '../src/config.js';

export const START = '<!-- config:start -->';
export const END = '<!-- config:end -->';

export function configMarkdown(): string {
  const out = ['| variable | default | meaning |', '|---|---|---|'];
  for (const d of envDocs()) {
    const dflt = d.default === null ? '—' : `\`${d.default}\``;
    out.push(`| \`${d.env}\` | ${dflt} | ${d.doc.replace(/\|/g, '\\|')} |`);
  }
  return out.join('\n') + '\n';
}

export function withConfig(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the config markers');
  return readme.slice(0, a + START.length) + '\n' + configMarkdown() + readme.slice(b);
}

if (process.argv.includes('--write')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withConfig(readFileSync(path, 'utf8')));
}
