/**
 * `npm run openapi`: write the generated contracts —
 * api/openapi.json from the zod schemas of the routes, and
 * scoring/policy.schema.json from the policy declaration (src/core/policy/schema.ts).
 * Tests fail when either committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { policyJsonSchemaText } from '../src/core/policy/schema.js';
import { openapiText } from '../src/http/openapi.js';

const outputs: [URL, () => string | Promise<string>][] = [
  [new URL('../api/openapi.json', import.meta.url), openapiText],
  [new URL('../scoring/policy.schema.json', import.meta.url), policyJsonSchemaText],
];
for (const [out, text] of outputs) {
  writeFileSync(out, await text());
  process.stdout.write(`wrote ${out.pathname}\n`);
}
