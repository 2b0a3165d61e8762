/** The OpenAPI document as committed in api/openapi.json (scripts/write-openapi.ts writes it; a test compares). */
import type { Jixiao } from '../jixiao.js';
import { buildApp } from './app.js';

export async function openapiText(jixiao?: Jixiao): Promise<string> {
  const app = await buildApp({ jixiao, config: { logLevel: 'silent' } });
  try {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json() as { components?: { schemas?: Record<string, unknown> } };
    // Components come in the order their modules were loaded: sort them so the text is stable.
    const schemas = doc.components?.schemas;
    if (schemas) doc.components!.schemas = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
    return JSON.stringify(doc, null, 2) + '\n';
  } finally {
    await app.close();
  }
}
