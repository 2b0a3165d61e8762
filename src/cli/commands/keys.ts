/**
 * `jixiao keys create --role unit --unit 209100 --region 140000 --name … | list | revoke ID`: API keys in the
 * store the service uses (DATA_DIR / DATABASE_URL, as for `npm start`). A new key is printed
 * once; only its sha256 hash is kept. Every change is in the audit log as done by "cli".
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkKeySpec, createKey, type KeySpecError } from '../../auth/keys.js';
import { callbackSecret } from '../../jobs/callback.js';
import { openStore, storeConfigFromEnv } from '../../store/index.js';
import type { Repository } from '../../store/repository.js';
import type { Actor, Role } from '../../store/types.js';
import { argProblem, parseArgs } from '../input.js';
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

/**
 * The keys live in the database of the service: say which one (a key made in another DATA_DIR —
 * `npx jixiao keys create` run from another folder — is unknown to the service), and say so when
 * there was none there yet.
 */
async function withStore(io: CliIO, fn: (repo: Repository) => Promise<number>): Promise<number> {
  const cfg = storeConfigFromEnv(io.env);
  const file = cfg.databaseUrl ? null : resolve(cfg.dataDir, 'jixiao.db');
  const fresh = file !== null && !existsSync(file);
  const repo = await openStore(cfg);
  try {
    return await fn(repo);
  } finally {
    await repo.close();
    if (file) io.stderr(`数据库 / store: ${file}${fresh ? NEW_STORE : ''}\n`);
  }
}

const NEW_STORE =
  '（新建：这里原来没有数据库。服务 npm start 须使用同一个 DATA_DIR，否则这里的密钥对服务无效 / a new database: the service must use the same DATA_DIR）';

async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const FLAGS = ['role', 'unit', 'dept', 'region', 'name', 'format'];
  const parsed = parseArgs(rest, FLAGS);
  const { positional, opts, unknown } = parsed;
  const usage = () => {
    const why =
      sub === undefined
        ? '缺少子命令 create / list / revoke / missing create, list or revoke'
        : !['create', 'list', 'revoke'].includes(sub)
          ? `未知子命令 / unknown subcommand: ${sub}`
          : argProblem(parsed, { flags: FLAGS, positional: sub === 'revoke' ? 1 : 0, what: ['密钥 ID', 'ID'] });
    io.stderr(`${why ? why + '\n' : ''}用法 / usage: jixiao ${USAGE}\n（说明 / help: jixiao keys --help）\n`);
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
        // The spec's messages are "English / 中文": Chinese first for the person at the terminal.
        const [en, zh] = (err as KeySpecError).message.split(' / ');
        io.stderr(`jixiao keys create: ${zh ? `${zh}（${en}）` : en}\n`);
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
  summary: 'API 密钥：创建（只显示一次）、列出、吊销 / API keys',
  usage: 'keys create --role R [--unit C --region C|--dept C] --name N | list | revoke ID',
  help: `管理服务（npm start）的 API 密钥，存放在服务所用的同一数据库：DATA_DIR（默认 ./data）或 DATABASE_URL。
新密钥只在创建时显示一次（stdout），数据库只保存其 sha256 摘要；每次改动记入审计日志。

  jixiao ${USAGE}

角色 / roles:
  unit        预算单位：提交本单位的表单并查看（--unit 单位代码、--region 财政区划代码必填）
  department  主管部门：查看所属单位的表单（--dept 部门代码）
  bureau      财政：查看全部、重新评分、统计、审计日志、管理密钥
  reviewer    复核 / 抽评：带 --dept 为主管部门的复核人，不带为财政的复核人

创建时 stderr 另有密钥编号和回调签名密钥（见 README “Callbacks”）。

退出码 / exit: 0 完成；1 没有这个密钥（revoke）或数据库无法打开；2 用法有误。

例 / example:
  jixiao keys create --role unit --unit 209100 --region 140000 --name 山西省社会保险局
  jixiao keys list
`,
  run,
};
