/**
 * The codes table of README.md, generated from src/core/codes.ts so the two cannot drift:
 * `npx tsx scripts/codes-doc.ts --write` rewrites the part between the markers; test/codes.test.ts
 * fails when the committed README differs.
 */
import { withSection, writeIfAsked } from './readme-section.js';
import { CODES, type CodeKind } from '../src/core/codes.js';


const KIND_TITLE: Record<CodeKind, string> = {
  validation: 'Form validation (the form is invalid: CLI exit 2, HTTP 422)',
  finding: 'Scoring findings (the form is scored; they come back in `findings`)',
  import: 'Excel import',
  http: 'HTTP problems (RFC 9457 `code`)',
};

export function codesMarkdown(): string {
  const out: string[] = [];
  for (const kind of Object.keys(KIND_TITLE) as CodeKind[]) {
    const rows = Object.entries(CODES).filter(([, d]) => d.kind === kind);
    if (!rows.length) continue;
    out.push(`#### ${KIND_TITLE[kind]}`, '', '| code | severity | status | 中文 | English |', '|---|---|---|---|---|');
    for (const [code, d] of rows) {
      const status = 'status' in d ? String(d.status) : '';
      out.push(`| \`${code}\` | ${d.severity} | ${status} | ${d.zh.replace(/\|/g, '\\|')} | ${d.en.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function withCodes(readme: string): string {
  return withSection(readme, 'codes', codesMarkdown());
}

writeIfAsked(withCodes);
