/** `npm run openapi`: write api/openapi.json from the zod schemas of the routes. */
import { writeFileSync } from 'node:fs';
import { openapiText } from '../src/http/openapi.js';

const out = new URL('../api/openapi.json', import.meta.url);
writeFileSync(out, await openapiText());
process.stdout.write(`wrote ${out.pathname}\n`);
