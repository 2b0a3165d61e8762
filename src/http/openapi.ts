/** The OpenAPI document as committed in api/openapi.json (scripts/write-openapi.ts writes it; a test compares). */
import type { Jixiao } from '../jixiao.js';
import { buildApp } from './app.js';

export async function openapiText(jixiao?: Jixiao): Promise<string> {
  const app = await buildApp({ jixiao, config: { logLevel: 'silent' } });
  try {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    return JSON.stringify(res.json(), null, 2) + '\n';
  } finally {
    await app.close();
  }
}
