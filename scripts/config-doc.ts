/**
 * The configuration table of README.md, generated from src/config.ts (ConfigSchema) so the two
 * cannot drift: `npx tsx scripts/config-doc.ts --write` rewrites the part between the markers;
 * test/http-config.test.ts fails when the committed README differs.
 */
import { withSection, writeIfAsked } from './readme-section.js';
import { envDocs } from '../src/config.js';


export function configMarkdown(): string {
  const out = ['| variable | default | meaning |', '|---|---|---|'];
  for (const d of envDocs()) {
    const dflt = d.default === null ? '—' : `\`${d.default}\``;
    out.push(`| \`${d.env}\` | ${dflt} | ${d.doc.replace(/\|/g, '\\|')} |`);
  }
  return out.join('\n') + '\n';
}

export function withConfig(readme: string): string {
  return withSection(readme, 'config', configMarkdown());
}

writeIfAsked(withConfig);
