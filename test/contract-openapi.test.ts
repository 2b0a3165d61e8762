/**
 * The committed contract (api/openapi.json) is valid OpenAPI 3.1 by an independent validator
 * (@readme/openapi-parser, not the code that generates it), and complete: every operation that
 * answers a body declares its schema, every operation that takes a body declares it, and every
 * list route is paged the same way ({limit, cursor} in, {items, next} out).
 */
import { readFileSync } from 'node:fs';
import { compileErrors, validate } from '@readme/openapi-parser';
import t from 'tap';

type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const text = readFileSync(new URL('../api/openapi.json', import.meta.url), 'utf8');
const doc = JSON.parse(text) as Doc;

/** Operations that take no request body by design, and why. */
const NO_BODY: Record<string, string> = {
  'POST /v1/jobs/callback-secret': 'derives the secret from the key that asks',
};

/** Lists that are not paged, and why. */
const UNPAGED: Record<string, string> = {};

function operations(): [string, Operation][] {
  const out: [string, Operation][] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) out.push([`${method.toUpperCase()} ${path}`, op]);
  }
  return out;
}

const hasSchema = (c: { schema?: Schema } | undefined) => !!c?.schema && Object.keys(c.schema).some((k) => k !== 'description');

t.test('valid OpenAPI 3.1 (@readme/openapi-parser)', async (t) => {
  // validate() dereferences in place: give it a copy.
  const result = await validate(JSON.parse(text));
  t.equal(result.valid, true, result.valid ? 'valid' : compileErrors(result));
  t.equal((JSON.parse(text) as { openapi: string }).openapi, '3.1.0');
  t.same(Object.keys(doc.components.schemas.Envelope.properties as object), ['code', 'msg', 'data'], 'the envelope is documented');
});

t.test('every answer with a body has a schema, every body sent is declared', async (t) => {
  const ops = operations();
  t.ok(ops.length >= 22, `${ops.length} operations`);
  for (const [name, op] of ops) {
    t.ok(op.operationId, `${name}: operationId`);
    const ok = Object.entries(op.responses ?? {}).filter(([s]) => /^2\d\d$/.test(s));
    t.ok(ok.length > 0, `${name}: a success response`);
    for (const [status, r] of ok) {
      if (status === '204') continue;
      const content = Object.entries(r.content ?? {});
      t.ok(content.length > 0 && content.every(([, c]) => hasSchema(c)), `${name} ${status}: a schema for each content type`);
    }
    if (/^(POST|PUT|PATCH) /.test(name) && !NO_BODY[name]) {
      const content = Object.entries(op.requestBody?.content ?? {});
      t.ok(content.length > 0 && content.every(([, c]) => hasSchema(c)), `${name}: a request body schema`);
    }
  }
  for (const [name, why] of Object.entries(NO_BODY)) t.ok(ops.some(([n, op]) => n === name && !op.requestBody), `${name} takes no body: ${why}`);
});

t.test('uploads and files are declared as binary', async (t) => {
  const upload = doc.paths['/v1/import'].post.requestBody!.content!;
  t.same(Object.keys(upload).sort(), ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'multipart/form-data']);
  t.equal((upload['multipart/form-data'].schema!.properties as Record<string, Schema>).file.format, 'binary');
  t.equal(upload['application/octet-stream'].schema!.format, 'binary');
  const exported = doc.paths['/v1/export'].post.responses!['200'].content!;
  t.equal(exported['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema!.format, 'binary');
  t.ok(exported['text/html'], 'the printable page');
  for (const path of ['/v1/export', '/v1/narrative']) t.ok(hasSchema(doc.paths[path].post.requestBody?.content?.['application/json']), `${path}: the forms`);
});

t.test('every list route is paged alike', async (t) => {
  const resolve = (s: Schema | undefined): Schema | undefined => {
    const ref = s?.$ref as string | undefined;
    return ref ? doc.components.schemas[ref.split('/').pop()!] : s;
  };
  let lists = 0;
  for (const [name, op] of operations()) {
    if (!name.startsWith('GET ')) continue;
    const json = resolve(op.responses?.['200']?.content?.['application/json']?.schema);
    const props = json?.properties as Record<string, Schema> | undefined;
    if (!props?.items || (props.items as Schema).type !== 'array') continue;
    lists++;
    if (UNPAGED[name]) continue;
    t.ok(props.next, `${name}: next`);
    const params = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    t.ok(params.includes('limit') && params.includes('cursor'), `${name}: limit and cursor`);
  }
  t.ok(lists >= 4, `${lists} list routes (submissions, versions, audit, keys, jobs …)`);
});
