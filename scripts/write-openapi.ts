/**
 * `npm run openapi`: write the generated contracts —
 * api/openapi.json from the zod schemas of the routes, and
 * scoring/policy.schema.json from the policy declaration (src/core/policy/schema.ts), and
 * test/client/api.d.ts, the typed client's types, from api/openapi.json (openapi-typescript).
 * Tests fail when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { policyJsonSchemaText } from '../src/core/policy/schema.js';
import { openapiText } from '../src/http/openapi.js';
import { clientTypesText } from '../test/client/generate.js';

const outputs: [URL, () => string | Promise<string>][] = [
  [new URL('../api/openapi.json', import.meta.url), openapiText],
  [new URL('../scoring/policy.schema.json', import.meta.url), policyJsonSchemaText],
  // The typed client's types (openapi-typescript), from the document just written.
  [new URL('../test/client/api.d.ts', import.meta.url), async () => clientTypesText(readFileSync(new URL('../api/openapi.json', import.meta.url), 'utf8'))],
];
for (const [out, text] of outputs) {
  writeFileSync(out, await text());
  process.stdout.write(`wrote ${out.pathname}\n`);
}
