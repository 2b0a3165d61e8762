/**
 * The typed client's types: test/client/api.d.ts, generated from the contract by
 * openapi-typescript. `npm run openapi` writes it with api/openapi.json (scripts/write-openapi.ts);
 * test/contract-client.test.ts fails when the committed file is stale, and `npm run typecheck`
 * type-checks the client scripts of this folder against it.
 */
import openapiTS, { astToString } from 'openapi-typescript';

export async function clientTypesText(openapiJson: string): Promise<string> {
  return astToString(await openapiTS(JSON.parse(openapiJson) as Parameters<typeof openapiTS>[0]));
}
