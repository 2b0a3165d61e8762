/**
 * `jixiao keys create --role unit --unit 209100 --region 140000 --name … | list | revoke ID`: API keys in the
 * store the service uses (DATA_DIR / DATABASE_URL, as for `npm start`). A new key is printed
 * once; only its sha256 hash is kept. Every change is in the audit log as done by "cli".
 */
import { checkKeySpec, createKey, type KeySpecError } from '../../auth/keys.js';
import { callbackSecret } from '../../jobs/callback.js';
import { openStore, storeConfigFromEnv } from '../../store/index.js';
import type { Repository } from '../../store/repository.js';
import type { Actor, Role } from '../../store/types.js';
import { parseArgs } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

const CLI: Actor = { keyId: null, name: 'cli', role: 'cli' };
const USAGE = [
  'keys create --role unit --unit CODE --region CODE [--dept CODE] --name NAME   (a unit key needs --region / 单位密钥须指定 --region)',
  '       jixiao keys create --role department --dept CODE [--region CODE] --name NAME',
  '       jixiao keys create --role bureau [--region CODE] --name NAME',
  '       jixiao keys create --role reviewer [--dept CODE] [--region CODE] --name NAME   (复核：with --dept a department\'s reviewer, without it the bureau\'s)',
  '       jixiao keys list [--format json]',
  '       jixiao keys revoke ID',
].join('\n');

async function withStore(io: CliIO, fn: (repo: Repository) => Promise<number>): Promise<number> {
  const repo = await openStore(storeConfigFromEnv(io.env));
  try {
    return await fn(repo);
  } finally {
    await repo.close();
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, opts, unknown } = parseArgs(rest, ['role', 'unit', 'dept', 'region', 'name', 'format']);
  const usage = () => {
    io.stderr(`用法 / usage: jixiao ${USAGE}\n`);
    return 2;
  };
  if (unknown.length) return usage();
  switch (sub) {
    case 'create': {
      if (positional.length) return usage();
      const spec = { name: opts.name ?? '', role: (opts.role ?? '') as Role, unit: opts.unit, dept: opts.dept, region: opts.region };
      try {
        checkKeySpec(spec);
      } catch (err) {
        io.stderr(`jixiao keys create: ${(err as KeySpecError).message}\n`);
        return 2;
      }
      return withStore(io, async (repo) => {
        const { key, record } = await createKey(repo, spec, CLI);
        io.stdout(`${key}\n`);
        const tenancy = record.agencyCode ?? record.deptCode ?? '-';
        io.stderr(`已创建 / created ${record.id} (${record.role} ${tenancy}, “${record.name}”). 密钥只显示这一次 / the key is shown only once.\n`);
        // Derived from the key (README "Callbacks"): what verifies the signed callbacks of its jobs.
        io.stderr(`回调签名密钥 / callback signing secret: ${callbackSecret(key)}\n`);
        return 0;
      });
    }
    case 'list': {
      if (positional.length) return usage();
      return withStore(io, async (repo) => {
        const keys = await repo.listKeys();
        if (opts.format === 'json') {
          io.stdout(JSON.stringify(keys, null, 2) + '\n');
          return 0;
        }
        const rows = keys.map((k) => [k.id, k.role, k.agencyCode ?? k.deptCode ?? '', k.mofDivCode ?? '', k.name, k.prefix + '…', k.createdAt, k.revokedAt ?? '']);
        io.stdout(renderTable(['id', '角色 role', '单位/部门', '区划', '名称 name', '前缀', '创建 created', '吊销 revoked'], rows));
        return 0;
      });
    }
    case 'revoke': {
      if (positional.length !== 1) return usage();
      return withStore(io, async (repo) => {
        const r = await repo.revokeKey(positional[0], CLI);
        if (r === 'missing') {
          io.stderr(`jixiao keys revoke: 没有密钥 / no key ${positional[0]}\n`);
          return 1;
        }
        io.stderr(r === 'revoked' ? `已吊销 / revoked ${positional[0]}\n` : `${positional[0]} 已于此前吊销 / was already revoked\n`);
        return 0;
      });
    }
    default:
      return usage();
  }
}

export const keysCommand: Command = {
  name: 'keys',
  summary: 'API 密钥：创建（只显示一次）、列出、吊销',
  usage: 'keys create --role R [--unit C --region C|--dept C] --name N | list | revoke ID',
  run,
};
