/** The CLI through runCli with captured streams, and once through the real bin. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { renderResultTable, totalLine } from '../src/cli/commands/score.js';
import { runCli } from '../src/cli/main.js';
import type { ScoreResult } from '../src/core/model/result.js';
import { loadJixiao } from '../src/jixiao.js';
import type { CliIO } from '../src/cli/types.js';
import { childEnv } from './support/child-env.js';

const seedPath = (n: string) => new URL(`./fixtures/seed/${n}.json`, import.meta.url).pathname;

async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin, env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

t.test('score prints JSON with total, grade and findings', async (t) => {
  // [expected total, grade, file, policy, expected codes]
  const rows: [string, string, string, string, string[]][] = [
    ['93.76', '优', '01-jingban', 'shanxi-2022', []],
    ['95.00', '优', '02-dangan', 'shanxi-2022', []],
    ['90.00', '优', '03-dalou', 'shanxi-2022', ['WEIGHT_SUM', 'TOTAL_MISMATCH']],
    ['88.76', '良', '01-jingban', 'national-2020', ['TARGET_MISSING']],
  ];
  for (const [total, grade, file, policy, codes] of rows) {
    const r = await cli(['score', seedPath(file), '--policy', policy]);
    t.equal(r.code, 0, `${file} exit 0`);
    const json = JSON.parse(r.out) as { total: string; grade: string; findings: { code: string }[] };
    t.equal(json.total, total);
    t.equal(json.grade, grade);
    for (const c of codes) t.ok(json.findings.some((f) => f.code === c), `${file} ${c}`);
  }
});

t.test('score without --policy uses the policy in force', async (t) => {
  const r = await cli(['score', seedPath('01-jingban')]);
  t.equal((JSON.parse(r.out) as { policy: { id: string } }).policy.id, 'shanxi-2022');
});

t.test('score --format table is a readable Chinese table', async (t) => {
  const r = await cli(['score', seedPath('03-dalou'), '--format', 'table']);
  t.equal(r.code, 0);
  t.match(r.out, /总分：90\.00(（暂定）)?  等级：优/);
  t.match(r.out, '填报总分：95  填报等级：优', "the filer's total labelled as the filer's");
  t.notMatch(r.out, '（填报 ', 'not the old "分值合计：100（填报 95）" that reads like a points sum');
  t.match(r.out, '执行率 = 全年执行数48.78万元 ÷ 全年预算数48.78万元 = 100.00%', 'the funds explanation in the form’s money unit');
  t.match(r.out, /安全事故发生次数/);
  t.match(r.out, /WEIGHT_SUM/);
});

/** A scored seed with the issue-8 fields set by hand, as the engine will set them. */
function seedResult(over: Partial<ScoreResult>): ScoreResult {
  const out = loadJixiao().scoreInput(JSON.parse(readFileSync(seedPath('01-jingban'), 'utf8')), {});
  if (!out.ok) throw new Error('seed 01 invalid');
  return { ...out.result, ...over };
}

t.test('the total line: provisional marks, reasons, explanations, the grade for reference', async (t) => {
  const explanation = { total: '执行率得分 8.76 + 指标得分 85.00 = 93.76', grade: '93.76 ≥ 90 → 优' };
  // [why, overrides, expected total line, the lines under it]
  const rows: [string, Partial<ScoreResult>, string, string[]][] = [
    [
      'final, grade required',
      { provisional: false, gradeRequired: true, explanation },
      '总分：93.76  等级：优  分值合计：100  填报总分：93.76  填报等级：优',
      ['  总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76', '  等级评定：93.76 ≥ 90 → 优'],
    ],
    [
      'provisional: a row needs review',
      { provisional: true, gradeRequired: true, explanation, reported: { total: '94', grade: null } },
      '总分：93.76（暂定）  等级：优（暂定）  分值合计：100  填报总分：94',
      ['  总分与等级暂定：有待人工复核的事项', '  总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76', '  等级评定：93.76 ≥ 90 → 优'],
    ],
    [
      'grade not required (Hubei)',
      { provisional: false, gradeRequired: false, explanation: { total: '', grade: '' }, reported: { total: null, grade: null } },
      '总分：93.76  等级：优（仅供参考）  分值合计：100',
      ['  不要求评级，计算等级仅供参考'],
    ],
    [
      'no grade at all',
      { provisional: false, gradeRequired: true, grade: null, explanation: { total: '', grade: '' }, reported: { total: null, grade: null } },
      '总分：93.76  等级：不评级  分值合计：100',
      [],
    ],
  ];
  for (const [why, over, line, under] of rows) {
    const r = seedResult(over);
    t.equal(totalLine(r), line, why);
    const lines = renderResultTable(r).split('\n');
    const at = lines.indexOf(line);
    t.ok(at > 0, `${why}: the line is in the table`);
    t.same(lines.slice(at + 1, at + 1 + under.length), under, why);
    t.notMatch(lines[at + 1 + under.length] ?? '', /^ {2}\S/, `${why}: nothing more under the total`);
  }
});

t.test('the reasons a total is provisional', async (t) => {
  const base = seedResult({ provisional: true, gradeRequired: true, explanation: { total: '', grade: '' } });
  const review = { ...base, indicators: base.indicators.map((i, k) => (k === 1 ? { ...i, status: 'needs_review' as const } : i)) };
  t.match(renderResultTable(review), `  总分与等级暂定：1个指标需人工复核（${base.indicators[1].name}）\n`);
  const weights = {
    ...base,
    findings: [...base.findings, { code: 'WEIGHT_SUM' as const, severity: 'error' as const, pointer: '/indicators', message: 'm', params: { sum: '90', expected: '100' } }],
  };
  t.match(renderResultTable(weights), '  总分与等级暂定：分值合计90分，不等于政策总分100分\n');
});

t.test('score reads standard input', async (t) => {
  const { readFileSync } = await import('node:fs');
  const r = await cli(['score', '-'], readFileSync(seedPath('02-dangan'), 'utf8'));
  t.equal((JSON.parse(r.out) as { total: string }).total, '95.00');
});

t.test('invalid input exits 2 with every problem on stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ fiscalYear: 'x', indicators: [] }));
  const r = await cli(['score', bad]);
  t.equal(r.code, 2);
  t.match(r.err, /INVALID_YEAR\t\/fiscalYear/);
  t.match(r.err, /EMPTY_INDICATORS\t\/indicators/);
  t.match(r.err, /REQUIRED\t\/proName/);
  t.equal(r.out, '');
  const v = await cli(['validate', bad]);
  t.equal(v.code, 2);
  t.match(v.err, /EMPTY_INDICATORS/);
  writeFileSync(join(dir, 'trunc.json'), '{"fiscalYear": 20');
  const trunc = await cli(['score', join(dir, 'trunc.json')]);
  t.equal(trunc.code, 2);
  t.match(trunc.err, /不是有效的 JSON/);
  const missing = await cli(['score', join(dir, 'none.json')]);
  t.equal(missing.code, 2);
  t.match(missing.err, /ENOENT/);
});

t.test('usage errors exit 2', async (t) => {
  // [args, stderr pattern]
  const rows: [string[], RegExp][] = [
    [['score'], /usage/],
    [['score', 'a', '--format', 'xml'], /usage/],
    [['score', seedPath('01-jingban'), '--policy', 'mars'], /unknown policy: mars/],
    [['score', 'a', '--what'], /usage/],
    [['validate'], /usage/],
    [['policies', 'x'], /usage/],
    [['frobnicate'], /unknown command/],
    [['keys'], /--role unit --unit CODE --region CODE .*a unit key needs --region/],
    [['keys', 'create', '--what'], /usage/],
  ];
  for (const [args, pattern] of rows) {
    const r = await cli(args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, pattern);
  }
  t.equal((await cli([])).code, 2, 'no command');
});

t.test('validate names each unknown field it ignored', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-cli-')), 'unknown.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(seedPath('01-jingban'), 'utf8')), 备注: 'x' }));
  const v = await cli(['validate', file]);
  t.equal(v.code, 0);
  t.match(v.out, /表单有效/);
  t.equal(v.err, 'warning\tUNKNOWN_FIELD\t/备注\t未知字段“备注”已忽略（不评分、不保存）\n');
});

t.test('validate, policies, help and version', async (t) => {
  const v = await cli(['validate', seedPath('01-jingban')]);
  t.equal(v.code, 0);
  t.match(v.out, /表单有效/);
  const p = await cli(['policies']);
  t.equal(p.code, 0);
  t.match(p.out, /national-2020 \*/);
  t.match(p.out, /shanxi-2022/);
  const pj = await cli(['policies', '--format', 'json']);
  t.ok((JSON.parse(pj.out) as { id: string }[]).some((x) => x.id === 'hubei'));
  const h = await cli(['--help']);
  t.equal(h.code, 0);
  t.match(h.out, /\n  score +评分/);
  t.match(h.out, 'jixiao import 自评表.xlsx --score --format table', 'the path for someone with only an Excel file');
  t.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
});

t.test('npx jixiao works from the checkout (bin → tsx)', async (t) => {
  const run = promisify(execFile);
  const bin = new URL('../bin/jixiao.js', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [bin, 'score', seedPath('02-dangan'), '--policy', 'shanxi-2022'], { env: childEnv() });
  t.equal((JSON.parse(stdout) as { total: string }).total, '95.00');
  const bad = await run(process.execPath, [bin, 'score', '/nonexistent.json'], { env: childEnv() }).catch((e: { code: number; stderr: string }) => e);
  t.equal((bad as { code: number }).code, 2);
});

t.test('jixiao import: one shape, that of POST /v1/import, whatever the workbook and the flags (issue 12)', async (t) => {
  const ExcelJS = (await import('exceljs')).default;
  const { loadJson, SEED_DIR, XLSX_DIR, writeShanxi } = await import('./support/make-workbooks.js');
  const { buildApp } = await import('../src/http/app.js');
  const form = loadJson(SEED_DIR + '01-jingban.json') as { funds: { rows: Record<string, unknown>[] } };
  const wb = new ExcelJS.Workbook();
  writeShanxi(wb, 'ok', form);
  writeShanxi(wb, 'bad', { ...form, funds: { ...form.funds, rows: form.funds.rows.map((r) => ({ ...r, budget: '-5' })) } });
  const two = join(mkdtempSync(join(tmpdir(), 'jixiao-import-')), 'two.xlsx');
  writeFileSync(two, Buffer.from(await wb.xlsx.writeBuffer()));
  const ENTRY = ['sheet', 'layout', 'form', 'cells', 'findings'];
  // [args, exit code, sheets, what each entry adds to ENTRY]
  const cases: [string[], number, string[], string[][]][] = [
    [[XLSX_DIR + '01-jingban.xlsx'], 0, ['Sheet1'], [[]]],
    [[XLSX_DIR + '06-seed-all.xlsx'], 0, ['经办', '档案', '大楼'], [[], [], []]],
    [[XLSX_DIR + '06-seed-all.xlsx', '--sheet', '大楼'], 0, ['大楼'], [[]]],
    [['--score', XLSX_DIR + '03-dalou.xlsx'], 0, ['大楼 运行费'], [['result']]],
    [['--score', two], 2, ['ok', 'bad'], [['result'], ['problems']]],
    [[two], 0, ['ok', 'bad'], [[], []]],
  ];
  for (const [args, code, sheets, extra] of cases) {
    const r = await cli(['import', ...args]);
    t.equal(r.code, code, args.join(' '));
    const out = JSON.parse(r.out) as { forms: Record<string, unknown>[]; findings: unknown[] };
    t.same(Object.keys(out), ['forms', 'findings'], `${args.join(' ')}: {forms, findings}`);
    t.same(out.forms.map((f) => f.sheet), sheets);
    t.same(out.forms.map((f) => Object.keys(f)), extra.map((e) => [...ENTRY, ...e]));
  }
  const bad = JSON.parse((await cli(['import', '--score', two])).out).forms[1].problems as { code: string; cell: string }[];
  t.same(bad.map((p) => `${p.code} ${p.cell}`), ['NEGATIVE_NUMBER bad!F7', 'NEGATIVE_NUMBER bad!F8'], 'problems with their cells');

  // The same workbook through POST /v1/import: the same shape (the service scores by default).
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  const http = await app.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': 'application/octet-stream' }, payload: readFileSync(two) });
  t.equal(http.statusCode, 200);
  const cliOut = JSON.parse((await cli(['import', '--score', two])).out);
  t.same(http.json(), cliOut, 'the CLI prints what the service answers');
});

t.test('every command explains itself: <command> --help and help <command> on stdout, exit 0', async (t) => {
  const { COMMANDS } = await import('../src/cli/main.js');
  for (const c of COMMANDS) {
    for (const args of [[c.name, '--help'], [c.name, '-h'], ['help', c.name]]) {
      const r = await cli(args);
      t.equal(r.code, 0, args.join(' '));
      t.equal(r.err, '', `${args.join(' ')}: nothing on stderr`);
      t.match(r.out, `用法 / usage: jixiao ${c.usage}\n\n${c.summary}\n`, `${args.join(' ')}: usage and summary`);
      t.match(r.out, /例 \/ example:\n  jixiao /, `${args.join(' ')}: an example`);
      t.match(r.out, /退出码 \/ exit:/, `${args.join(' ')}: the exit codes`);
    }
  }
});

t.test('wrong files: a Chinese reason naming the file and what to do instead, exit 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const seed = readFileSync(seedPath('01-jingban'), 'utf8');
  const file = (name: string, body: string | Buffer) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  };
  const gbk = file('gbk.json', Buffer.from(new TextEncoder().encode(seed).map((b) => (b >= 0x80 ? 0xb0 : b)))); // bytes that are no UTF-8
  const xlsx = new URL('./fixtures/xlsx/03-dalou.xlsx', import.meta.url).pathname;
  // [why, file, stderr pattern]
  const rows: [string, string, RegExp][] = [
    ['missing', join(dir, 'none.json'), /^无法读取 .*none\.json：找不到该文件，请检查文件名和所在文件夹（ENOENT）\n$/],
    ['a directory', dir, /^无法读取 .*：这是一个文件夹，不是文件（EISDIR）\n$/],
    ['a workbook', xlsx, /^.*03-dalou\.xlsx 是 Excel 工作簿，不是 JSON 表单.*\n请改用 \/ use instead:  jixiao import .*03-dalou\.xlsx --score --format table\n$/],
    ['an old .xls', file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), /是 Excel 工作簿.*\n.*另存为 \.xlsx/s],
    ['GBK', gbk, /^.*gbk\.json 不是 UTF-8 编码的文本（可能是 GBK \/ GB2312 编码）：请用记事本等编辑器“另存为”UTF-8 编码后再试/],
    ['empty', file('empty.json', ' \n'), /^.*empty\.json 是空的，没有表单内容/],
    ['a trailing comma', file('comma.json', '{\n  "fiscalYear": 2022,\n}'), /^.*comma\.json 不是有效的 JSON：第3行第1列附近有语法错误（常见原因：多余或缺少逗号/],
    ['cut off', file('cut.json', '{"fiscalYear": 20'), /^.*cut\.json 不是有效的 JSON：内容在结尾处中断，缺少右括号或引号/],
  ];
  for (const [why, path, pattern] of rows) {
    for (const command of ['score', 'validate', 'narrative']) {
      const r = await cli([command, path]);
      t.equal(r.code, 2, `${command}: ${why}`);
      t.match(r.err, pattern, `${command}: ${why}`);
      t.equal(r.out, '', `${command}: ${why}: nothing on stdout`);
    }
  }
  const json = await cli(['import', seedPath('01-jingban')]);
  t.equal(json.code, 2, 'a JSON form given to import');
  t.match(json.err, /IMPORT_NOT_XLSX.*\n提示 \/ hint: .*01-jingban\.json 是 JSON 文件；JSON 表单请用 jixiao score /s);
  const csv = await cli(['import', file('form.csv', '项目名称,分值\n经费,10\n')]);
  t.equal(csv.code, 2, 'a CSV given to import');
  t.match(csv.err, /IMPORT_NOT_XLSX.*\n提示 \/ hint: 请在 Excel 中打开这个文件（\.csv、\.et、\.wps 等），另存为“Excel 工作簿 \(\*\.xlsx\)”后再试/s);
  const folder = await cli(['import', dir]);
  t.equal(folder.code, 2);
  t.match(folder.err, '这是一个文件夹，不是文件（EISDIR）');
  const unwritable = await cli(['export', seedPath('01-jingban'), '--html', join(dir, 'no', 'such.html')]);
  t.equal(unwritable.code, 1);
  t.match(unwritable.err, /^无法写入 .*such\.html：所在文件夹不存在（ENOENT）\n$/);
});

t.test('usage mistakes say what is wrong, with a guess for a typo, before the usage line', async (t) => {
  const seed = seedPath('01-jingban');
  // [args, the first line of stderr]
  const rows: [string[], string][] = [
    [['score', seed, '--polcy', 'x'], '未知选项 / unknown option: --polcy（您是否要用 --policy？/ did you mean --policy?）'],
    [['score', seed, '--format', 'tabel'], '--format 只能是 json 或 table，收到“tabel” / --format must be json or table'],
    [['score', seed, '--policy'], '选项 --policy 缺少取值 / --policy needs a value'],
    [['score'], '缺少文件名 / missing FILE'],
    [['score', seed, seed], `多余的参数 / unexpected argument: ${seed}`],
    [['import', '--scor', 'x.xlsx'], '未知选项 / unknown option: --scor（您是否要用 --score？/ did you mean --score?）'],
    [['import'], '缺少工作簿文件名 / missing FILE.xlsx'],
    [['policies', '--format', 'xml'], '--format 只能是 table 或 json，收到“xml” / --format must be table or json'],
    [['keys'], '缺少子命令 create / list / revoke / missing create, list or revoke'],
    [['keys', 'revoke'], '缺少密钥 ID / missing ID'],
    [['whatif', '--year', '22', '--policy', 'hubei'], '--year 应为四位年份，收到“22” / --year must be four digits'],
    [['whatif', '--policy', 'hubei'], '请给出 --year（库中某年度）或 --input（一个文件）之一 / give either --year or --input'],
  ];
  for (const [args, first] of rows) {
    const r = await cli(args);
    t.equal(r.code, 2, args.join(' '));
    const lines = r.err.split('\n');
    t.equal(lines[0], first, args.join(' '));
    t.match(lines[1], /^用法 \/ usage: jixiao /, `${args.join(' ')}: then the usage`);
  }
  const typo = await cli(['scroe', seed]);
  t.equal(typo.code, 2);
  t.match(typo.err, /^未知命令 \/ unknown command: scroe（您是否要用 score？/);
  const policy = await cli(['score', seed, '--policy', 'natinal-2020']);
  t.equal(policy.code, 2);
  t.match(policy.err, /^未知的评分政策 \/ unknown policy: natinal-2020（您是否要用 national-2020？.*\n可用 \/ available: .*shanxi-2022/);
  const far = await cli(['score', seed, '--policy', 'mars']);
  t.notMatch(far.err, '您是否要用', 'no guess when nothing is close');
  const key = await cli(['keys', 'create', '--role', 'unit', '--name', 'x']);
  t.equal(key.err, 'jixiao keys create: 单位密钥须指定单位代码（a unit key needs --unit (agency code)）\n', 'Chinese first');
});

t.test('an invalid form: errors and warnings counted apart, each problem on a line', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-cli-')), 'bad.json');
  const form = JSON.parse(readFileSync(seedPath('01-jingban'), 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...form, proName: undefined, fiscalYear: '22', 备注: 'x' }));
  for (const command of ['score', 'validate']) {
    const r = await cli([command, file]);
    t.equal(r.code, 2, command);
    const lines = r.err.trimEnd().split('\n');
    t.equal(lines[0], '表单无效：2个错误、1个警告或提示（每行：级别、代码、位置、说明）/ invalid form:', command);
    t.same(lines.slice(1).map((l) => l.split('\t').slice(0, 3).join(' ')).sort(), ['error INVALID_YEAR /fiscalYear', 'error REQUIRED /proName', 'warning UNKNOWN_FIELD /备注'], command);
  }
});

t.test('import --format table: the score table of each sheet, findings on their cells, severities in Chinese', async (t) => {
  const xlsx = new URL('./fixtures/xlsx/03-dalou.xlsx', import.meta.url).pathname;
  const r = await cli(['import', xlsx, '--score', '--format', 'table']);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /^【工作表 \/ sheet “大楼 运行费”】（shanxi）\n社保大楼维护、安全及运行费（2022年度）/);
  t.match(r.out, /总分：90\.00（暂定）  等级：优（暂定）/);
  t.match(r.out, /\n错误 +WEIGHT_SUM +\S/, 'a severity in Chinese');
  t.match(r.out, /\n提示 +ACTUAL_HAS_OPERATOR +'大楼 运行费'!G14 /, 'the cell, not the JSON pointer');
  const plain = await cli(['import', new URL('./fixtures/xlsx/06-seed-all.xlsx', import.meta.url).pathname, '--format', 'table']);
  t.equal(plain.code, 0);
  t.match(plain.out, '【工作表 / sheet “大楼”】（shanxi）\n社保大楼维护、安全及运行费（2022年度）：读入9个指标；加 --score 评分\n');
  const table = await cli(['score', seedPath('03-dalou'), '--format', 'table']);
  t.match(table.out, /\n错误 +WEIGHT_SUM +\/indicators /, 'score --format table: the pointer when there is no cell');
});

t.test('keys name the database they use, and say when there was none (a key the service would not know)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-keys-'));
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => '', env: { DATA_DIR: dir } });
    return { code, out, err };
  };
  const db = join(dir, 'jixiao.db');
  // [args, the store line]
  const rows: [string[], string][] = [
    [['keys', 'create', '--role', 'bureau', '--name', '财政厅'], `数据库 / store: ${db}（新建：这里原来没有数据库。服务 npm start 须使用同一个 DATA_DIR，否则这里的密钥对服务无效 / a new database: the service must use the same DATA_DIR）`],
    [['keys', 'list'], `数据库 / store: ${db}`],
  ];
  for (const [args, line] of rows) {
    const r = await run(args);
    t.equal(r.code, 0, args.join(' '));
    t.equal(r.err.trimEnd().split('\n').at(-1), line, args.join(' '));
  }
});
