/**
 * The web workbench in a real browser: Debian chromium driven by playwright-core against the
 * real service (buildApp on port 0, a SQLite store in a temporary folder, keys of each role).
 * Skipped, with the reason, where chromium is not installed (`.ci/run` installs it).
 * Screenshots of every page at 1280×800 and 390×844 go to docs/screenshots/ (git-ignored);
 * the first render of the scored seed form is printed as a tap comment (bench/RESULTS.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';

// The callbacks of page.evaluate run in the browser; the server's tsconfig has no DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare const sessionStorage: any;
declare function getComputedStyle(e: unknown): any;
type HTMLTableCellElement = any;
type HTMLProgressElement = any;
type HTMLInputElement = any;
type HTMLElement = any;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The environment of a build child: outside tap's coverage (web/ is not measured by tap). */
function uncovered(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_V8_COVERAGE;
  delete env.NODE_OPTIONS;
  return env;
}
const FIXTURES = join(ROOT, 'test', 'fixtures');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const r = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const path = r.stdout.trim().split('\n')[0];
  return r.status === 0 && path ? path : null;
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  t.plan(0, 'chromium is not installed (apt-get install -y --no-install-recommends chromium fonts-wqy-microhei): browser tests skipped');
  process.exit(0);
}

// The page as `npm run build` makes it (CI builds before testing; a checkout may not have yet).
if (!existsSync(join(ROOT, 'dist', 'ui', 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build:ui'], { cwd: ROOT, stdio: 'inherit', env: uncovered() });
  if (r.status !== 0) throw new Error('npm run build:ui failed');
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-ui-'));
const store = await openStore({ dataDir: dir });
const cli = { keyId: null, name: 'test', role: 'cli' as const };
const keys = {
  unit: (await createKey(store, { name: '山西省社会保险局', role: 'unit', unit: '209100', region: '140000' }, cli)).key,
  department: (await createKey(store, { name: '人社厅', role: 'department', dept: '209' }, cli)).key,
  bureau: (await createKey(store, { name: '山西省财政厅', role: 'bureau' }, cli)).key,
};
const app = await buildApp({ config: { logLevel: 'silent' }, store });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser: Browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
});
mkdirSync(SHOTS, { recursive: true });
// Sized by work: about 15 page loads, 20 scorings and a batch on a busy 2-core machine.
t.setTimeout(600_000);
t.teardown(async () => {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  ctx: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** URLs the page requested. */
  requests: string[];
}

async function open(t: Test, path = '/ui/', viewport = { width: 1280, height: 800 }, locale = 'zh-CN'): Promise<Opened> {
  const ctx = await browser.newContext({ locale, viewport, acceptDownloads: true });
  t.teardown(() => ctx.close());
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base + path);
  return { page, ctx, errors, requests };
}

async function signIn(page: Page, key: string): Promise<string> {
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '登录' }).click();
  const who = page.locator('.signin .who');
  await who.waitFor();
  return (await who.textContent()) ?? '';
}

async function uploadForm(page: Page, file: string): Promise<void> {
  const buffer = readFileSync(join(FIXTURES, file));
  const mimeType = file.endsWith('.json') ? 'application/json' : XLSX;
  await page.locator('#form-file').setInputFiles({ name: file.split('/').pop()!, mimeType, buffer });
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, '');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core in the page: the serious and critical violations (id: the first nodes). */
async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays as served.
  await page.evaluate(AXE_SOURCE);
  const out = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  })) as { id: string; impact: string; nodes: string[] }[];
  return out.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}(${v.impact}): ${v.nodes.join(', ')}`);
}

t.test('the seed workbook: 93.76 / 优, the 执行率 points, the cost-row cap and every finding on its cell', async (t) => {
  const { page, errors, requests } = await open(t);
  t.equal(await page.title(), '评分 · 绩效自评工作台');
  await uploadForm(page, 'xlsx/01-jingban.xlsx');
  await page.locator('.total-box').waitFor();
  t.equal(await text(page, '.total-box .total'), '93.76');
  t.equal(await text(page, '.total-box .grade'), '优');
  t.equal(await text(page, '.total-line'), '计算总分93.76（优），自报总分93.76（优），发现7个问题。');
  // The funds block: the computed 执行率 and its points on the 资金总额 row, with the explanation on hover.
  const fundsScore = page.locator('.funds-block td.funds-score').first();
  t.equal((await fundsScore.textContent())?.trim(), '8.76');
  t.match(await fundsScore.getAttribute('title'), /执行率 = 全年执行数221\.51万元 ÷ 全年预算数252\.83万元 = 87\.61%/);
  t.equal(await text(page, '.funds-block tr:nth-child(2) td.computed'), '87.61%');
  // The merged 一级 / 二级 cells: 产出指标 over 7 rows, 数量指标 over 3.
  const spans = await page.locator('.indicator-block td.l1, .indicator-block td.l2').evaluateAll((els) =>
    els.map((e) => `${e.textContent?.replace(/\[\d+\]/g, '')}:${(e as HTMLTableCellElement).rowSpan}`),
  );
  t.same(spans, ['产出指标:7', '数量指标:3', '质量指标:2', '时效指标:1', '成本指标:1', '效益指标:1', '社会效益指标:1', '满意度指标:1', '服务对象满意度:1']);
  // The cost row: its target cell carries COST_ROW_CAPPED, its computed score says the cap.
  const costRow = page.locator('.indicator-block tr[data-row="6"]');
  const target = costRow.locator('td').filter({ has: page.locator('sup.mark') }).first();
  t.match(await target.getAttribute('title'), /成本指标/);
  t.match(await target.getAttribute('class'), /sev-info/);
  t.match(await text(page, '.indicator-block tr[data-row="6"] td.ind-score'), /^5\.00（封顶5分）/);
  // Seven findings, each on a cell whose id names its pointer; the list gives the Excel cell.
  t.equal(await page.locator('ol.findings li').count(), 7);
  t.equal(await page.locator('.form-table sup.mark').count(), 7);
  t.match(await text(page, 'ol.findings'), /单元格Sheet1!F18/);
  await shot(page, 'score-seed-1280');
  // A click on a finding scrolls to its cell and focuses it.
  const cost = page.locator('ol.findings li', { hasText: 'Sheet1!F18' }).getByRole('button');
  await cost.click();
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  t.equal(focused, 'cell-indicators-6-target');
  const perf = await page.evaluate(() => performance.getEntriesByName('jx-first-render').map((e) => e.duration));
  t.ok(perf.length > 0, 'the first render is measured');
  t.comment(`first render of the scored seed form after the response: ${perf[0]?.toFixed(1)} ms`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'score-seed-390');
  t.same(await axe(page), [], 'axe: no serious or critical violation on the scored page');
  t.notOk(requests.some((u) => /\/assets\/chart-/.test(u)), 'the scoring page never loads the chart chunk');
  t.same(errors, [], 'no console errors');
});

t.test('every fixture workbook and the seed JSON are scored', async (t) => {
  const { page, errors } = await open(t);
  const expected: [string, string, string][] = [
    ['xlsx/01-jingban.xlsx', '93.76', '优'],
    ['xlsx/02-dangan.xlsx', '95.00', '优'],
    ['xlsx/03-dalou.xlsx', '90.00', '优'],
    ['xlsx/04-central.xlsx', '98.15', '优'],
    ['xlsx/05-sichuan.xlsx', '98.99', '优'],
    ['xlsx/06-seed-all.xlsx', '93.76', '优'],
    ['seed/01-jingban.json', '93.76', '优'],
  ];
  for (const [file, total, grade] of expected) {
    await uploadForm(page, file);
    await page.locator('.busy-line:text-is("")').waitFor();
    await page.locator('.total-box').waitFor();
    t.same([await text(page, '.total-box .total'), await text(page, '.total-box .grade')], [total, grade], file);
  }
  // The three sheets of 06-seed-all: the second one is 档案 (95.00).
  await uploadForm(page, 'xlsx/06-seed-all.xlsx');
  await page.locator('.actions select').waitFor();
  await page.locator('.actions select').selectOption({ label: '档案' });
  await page.locator('.total-box .total', { hasText: '95.00' }).waitFor();
  t.equal(await text(page, '.total-box .total'), '95.00', 'another sheet of the workbook');
  // Another policy: national-2020 scores the seed form 88.76 / 良.
  await uploadForm(page, 'xlsx/01-jingban.xlsx');
  await page.locator('.total-box .total', { hasText: '93.76' }).waitFor();
  await page.getByLabel('评分政策').selectOption('national-2020');
  await page.locator('.total-box .total', { hasText: '88.76' }).waitFor();
  t.equal(await text(page, '.total-box .grade'), '良', 'national-2020');
  t.same(errors, []);
});

t.test('a malformed workbook shows the Chinese error, not JSON', async (t) => {
  const { page } = await open(t);
  await page.locator('#form-file').setInputFiles({ name: 'bad.xlsx', mimeType: XLSX, buffer: Buffer.from('this is not a workbook') });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const msg = (await alert.textContent()) ?? '';
  t.match(msg, /出错了：文件不是有效的 xlsx 工作簿/);
  t.notMatch(msg, /[{}]|urn:/, 'no raw problem+json');
  await page.locator('#form-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"fiscalYear": 2022,') });
  const jsonAlert = page.getByRole('alert', { name: '' }).filter({ hasText: 'JSON 格式有误' });
  await jsonAlert.waitFor();
  const jsonMsg = (await jsonAlert.textContent()) ?? '';
  t.match(jsonMsg, /JSON 格式有误/, 'malformed JSON: the Chinese error');
  t.notMatch(jsonMsg, /[{}]|urn:/, 'malformed JSON: no raw problem+json');
});

t.test('a form filled in by hand is scored', async (t) => {
  const { page, errors } = await open(t);
  await page.getByRole('radio', { name: '在线填写' }).check();
  await page.getByLabel('项目名称', { exact: true }).fill('手工填写的测试项目');
  await page.getByLabel('年度', { exact: true }).fill('2022');
  await page.getByLabel('财政区划代码', { exact: true }).fill('140000');
  const funds = page.getByRole('group', { name: '资金第1行' });
  await funds.getByLabel('全年预算数', { exact: true }).fill('100');
  await funds.getByLabel('全年执行数', { exact: true }).fill('90');
  const row1 = page.getByRole('group', { name: '指标第1行' });
  await row1.getByLabel('三级指标', { exact: true }).fill('培训人次');
  await row1.getByLabel('分值', { exact: true }).fill('50');
  await row1.getByLabel('年度指标值', { exact: true }).fill('≥100人次');
  await row1.getByLabel('实际完成值', { exact: true }).fill('80人次');
  await page.getByRole('button', { name: '添加指标行' }).click();
  const row2 = page.getByRole('group', { name: '指标第2行' });
  await row2.getByLabel('一级指标', { exact: true }).selectOption('满意度指标');
  await row2.getByLabel('二级指标', { exact: true }).fill('服务对象满意度');
  await row2.getByLabel('三级指标', { exact: true }).fill('学员满意度');
  await row2.getByLabel('分值', { exact: true }).fill('40');
  await row2.getByLabel('年度指标值', { exact: true }).fill('≥90%');
  await row2.getByLabel('实际完成值', { exact: true }).fill('95%');
  await page.getByRole('button', { name: '添加指标行' }).click();
  await page.getByRole('button', { name: '删除指标第3行' }).click();
  t.equal(await page.getByRole('group', { name: /指标第\d行/ }).count(), 2, 'a row added and removed');
  await page.getByRole('button', { name: '校验评分' }).click();
  await page.locator('.total-box').waitFor();
  // 执行率 90% × 10 = 9.00; 80/100 × 50 = 40.00; 40: 49 + 40 = 89.00 (山西 2022 bands: 良).
  t.equal(await text(page, '.funds-block td.funds-score'), '9.00');
  t.equal(await text(page, '.indicator-block tr[data-row="0"] td.ind-score'), '40.00');
  t.equal(await text(page, '.total-box .total'), '89.00');
  t.equal(await text(page, '.total-box .grade'), '良');
  await shot(page, 'score-filled-1280');
  t.same(errors, []);
});

t.test('a unit signs in, submits (a double click submits once), corrects and resubmits: two versions', async (t) => {
  const { page, errors } = await open(t);
  t.equal(await signIn(page, keys.unit), '预算单位·山西省社会保险局·单位209100·部门209·区划140000'.replace(/·/g, ' · ').replace(/(单位|部门|区划)(\d)/g, '$1 $2'));
  t.equal(await page.evaluate(() => sessionStorage.getItem('jixiao.apiKey')), keys.unit, 'the key is kept for the tab only');
  await uploadForm(page, 'seed/01-jingban.json');
  await page.locator('.total-box').waitFor();
  await page.getByRole('button', { name: '提交此表' }).dblclick();
  const ok = page.locator('p.ok');
  await ok.waitFor();
  t.equal(await text(page, 'p.ok'), '已提交：第1版，计算总分93.76（优）。');
  const listed = await store.list({}, {}, null, 10);
  t.equal(listed.items.length, 1, 'one submission');
  t.equal(listed.items[0]!.currentVersion, 1, 'one version after a double click');

  // Correct it: the filer's total becomes 90 (a TOTAL_MISMATCH), then submit again.
  await page.getByRole('button', { name: '在页面中修改此表' }).click();
  await page.getByLabel('自报总分', { exact: true }).fill('90');
  await page.getByRole('button', { name: '校验评分' }).click();
  await page.locator('.total-box .differs').waitFor();
  await page.getByRole('button', { name: '提交此表' }).click();
  await page.locator('p.ok', { hasText: '第 2 版' }).waitFor();
  t.match(await text(page, 'p.ok'), /第 ?2 ?版/, 'the page says version 2');
  const after = await store.list({}, {}, null, 10);
  t.same(after.items.map((i) => i.currentVersion), [2], 'the same submission, now at version 2');

  await page.getByRole('link', { name: '我的提交' }).click();
  await page.getByRole('button', { name: /查看“社会保险经办专项业务工作经费”的版本/ }).click();
  await page.locator('.versions-table').waitFor();
  t.equal(await text(page, '#versions-heading'), '社会保险经办专项业务工作经费：共2个版本');
  const rows = await page.locator('.versions-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent?.trim())),
  );
  t.same(rows, [
    ['1', '提交（shanxi-2022）', '93.76', '优', '93.76', '0/0/7'],
    ['2', '提交（shanxi-2022）', '93.76', '优', '90', '0/1/7'],
  ]);
  await shot(page, 'submissions-1280');
  t.same(await axe(page), [], 'axe: submissions page');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'submissions-390');
  // Load version 1 into the editor: the score page opens with its fields.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '载入第 1 版修改后重新提交' }).click();
  t.equal(await page.getByLabel('项目名称', { exact: true }).inputValue(), '社会保险经办专项业务工作经费');
  t.same(errors, []);
});

t.test('a bureau key sees the dashboard: table, chart, gaps, disclosure; a department key its own', async (t) => {
  const { page, errors, requests } = await open(t);
  t.match(await signIn(page, keys.bureau), /^财政部门 · 山西省财政厅/);
  await page.getByRole('link', { name: '看板' }).click();
  await page.locator('.subs-table tbody tr').first().waitFor();
  t.equal(await page.locator('.subs-table tbody tr').count(), 1);
  await page.locator('.subs-table tbody td', { hasText: /^0$/ }).first().waitFor();
  const row = await page.locator('.subs-table tbody tr').first().evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
  t.same(row, ['山西省人力资源和社会保障厅', '山西省社会保险局', '社会保险经办专项业务工作经费', '252.83', '93.76', '优', '90', '0', '1', '已评分']);
  const svg = page.locator('.chart svg');
  await svg.waitFor();
  const chartText = await svg.evaluate((s) => s.textContent ?? '');
  t.match(chartText, /各部门自评等级分布/);
  t.match(chartText, /优/);
  t.ok(requests.some((u) => /\/assets\/chart-/.test(u)), 'the chart chunk is loaded on the dashboard');
  t.match(await text(page, 'ol.gaps'), /自报90，计算93\.76，相差-3\.76/);
  // Sorting by a header button toggles aria-sort.
  const th = page.locator('.subs-table th', { hasText: '计算总分' });
  await th.getByRole('button').click();
  t.equal(await th.getAttribute('aria-sort'), 'ascending');
  await th.getByRole('button').click();
  t.equal(await th.getAttribute('aria-sort'), 'descending');
  await page.getByLabel('筛选（部门、单位或项目）').fill('没有这个单位');
  t.equal(await page.locator('.subs-table tbody tr').count(), 0, 'filtered out');
  await page.getByLabel('筛选（部门、单位或项目）').fill('社会保险');
  t.equal(await page.locator('.subs-table tbody tr').count(), 1, 'filtered in');
  await page.getByRole('button', { name: '生成段落' }).click();
  const para = page.locator('#disclosure-text');
  await para.waitFor();
  t.match(await para.inputValue(), /^根据预算绩效管理要求，山西省社会保险局/);
  await shot(page, 'dashboard-1280');
  t.same(await axe(page), [], 'axe: dashboard');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'dashboard-390');
  t.same(errors, []);

  const dept = await open(t, '/ui/#/dashboard');
  t.match(await signIn(dept.page, keys.department), /^主管部门 · 人社厅 · 部门 209/);
  await dept.page.locator('.subs-table tbody tr').first().waitFor();
  t.equal(await dept.page.locator('.subs-table tbody tr').count(), 1, 'the department sees its unit');
  t.equal(await dept.page.locator('h1').textContent(), '主管部门看板');
});

t.test('batch upload: the progress bar follows the stream to 100 %, then a summary and the batch workbook', async (t) => {
  const { page, errors } = await open(t);
  await signIn(page, keys.bureau);
  await page.getByRole('link', { name: '看板' }).click();
  await page.locator('#batch-files').waitFor({ state: 'attached' });
  const files = ['01-jingban', '02-dangan', '03-dalou', '04-central', '05-sichuan'].map((n) => ({
    name: `${n}.xlsx`,
    mimeType: XLSX,
    buffer: readFileSync(join(FIXTURES, 'xlsx', `${n}.xlsx`)),
  }));
  await page.locator('#batch-files').setInputFiles(files);
  await page.locator('.batch-summary').waitFor();
  t.equal(await page.locator('#batch-progress').evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max].join('/')), '5/5');
  t.equal(await text(page, '.progress-line label'), '已评分5/5（100%）');
  t.match(await text(page, '.batch-summary p'), /^共5张：评分5张，无法评分0张。/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载批量标注工作簿' }).click()]);
  t.equal(download.suggestedFilename(), '批量评分.xlsx');
  // One NDJSON file with a bad line: 3 lines, 2 scored, the bad one named.
  const seed = (n: string) => JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, 'seed', `${n}.json`), 'utf8')));
  await page.locator('#batch-files').setInputFiles({ name: 'forms.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${seed('01-jingban')}\n{"x":1}\n${seed('03-dalou')}\n`) });
  await page.locator('.batch-summary', { hasText: '共 3 张' }).waitFor();
  t.match(await text(page, '.batch-summary'), /评分2张，无法评分1张。.*第2行：表单无效/);
  await shot(page, 'batch-1280');
  t.same(errors, []);
});

t.test('keyboard only: fill, score, and reach a finding on its cell', async (t) => {
  const { page, errors } = await open(t);
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.textContent || '');
  // Tab from the top to the 上传文件 radio, then the arrow key selects 在线填写.
  for (let i = 0; i < 20 && (await focusedName()) !== 'mode'; i++) await page.keyboard.press('Tab');
  t.equal(await focusedName(), 'mode', 'the source radios are reachable');
  await page.keyboard.press('ArrowRight');
  t.ok(await page.getByRole('radio', { name: '在线填写' }).isChecked(), 'arrow key chooses 在线填写');
  const typeInto = async (name: string, value: string) => {
    for (let i = 0; i < 60 && (await focusedName()) !== name; i++) await page.keyboard.press('Tab');
    t.equal(await focusedName(), name, `Tab reaches ${name}`);
    await page.keyboard.type(value);
  };
  await typeInto('proName', '键盘填写的项目');
  await typeInto('fiscalYear', '');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2022');
  await typeInto('mofDivCode', '140000');
  await typeInto('funds.0.budget', '100');
  await typeInto('funds.0.executed', '100');
  await typeInto('indicators.0.name', '培训人次');
  await typeInto('indicators.0.points', '90');
  await typeInto('indicators.0.target', '≥100人次');
  await typeInto('indicators.0.actual', '100人次');
  await typeInto('reportedTotal', '95');
  await page.keyboard.press('Enter');
  await page.locator('.total-box').waitFor();
  t.equal(await text(page, '.total-box .total'), '100.00');
  // Tab on to the first finding's button; Enter moves the focus to its cell.
  let onFinding = false;
  for (let i = 0; i < 120 && !onFinding; i++) {
    await page.keyboard.press('Tab');
    onFinding = await page.evaluate(() => !!document.activeElement?.closest('ol.findings'));
  }
  t.ok(onFinding, 'a finding is reachable by Tab');
  await page.keyboard.press('Enter');
  t.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^cell-/, 'Enter on a finding focuses its cell');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  t.not(outline, 'none', 'the focus is visible');
  await shot(page, 'keyboard-1280');
  t.same(errors, []);
});

t.test('the pages fit a 390-px phone (the form table scrolls sideways) and the text is at least 16 px', async (t) => {
  const { page } = await open(t, '/ui/', { width: 390, height: 844 });
  await uploadForm(page, 'xlsx/01-jingban.xlsx');
  await page.locator('.total-box').waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  t.ok(wide <= 390, `no sideways scroll of the page (${wide} px)`);
  const scroller = await page.locator('.table-scroll').first().evaluate((d) => d.scrollWidth > d.clientWidth);
  t.ok(scroller, 'the form table scrolls inside its box');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('p, td, th, li, label, button, input, select')]
      .filter((e) => (e as HTMLElement).offsetParent !== null && e.closest('.visually-hidden') === null && !e.matches('sup, sup *'))
      .map((e) => parseFloat(getComputedStyle(e).fontSize))
      .filter((px) => px < 16),
  );
  t.same(small, [], 'body text ≥ 16 px');
  const empty = await open(t, '/ui/#/submissions', { width: 390, height: 844 });
  await shot(empty.page, 'signin-needed-390');
  t.same(await axe(empty.page), [], 'axe: the sign-in-needed page');
});

t.test('downloads: the annotated workbook, the printable page; the 综述 to copy', async (t) => {
  const { page, errors } = await open(t);
  await uploadForm(page, 'xlsx/01-jingban.xlsx');
  await page.locator('.total-box').waitFor();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注后的工作簿' }).click()]);
  t.equal(xlsx.suggestedFilename(), '01-jingban-评分.xlsx');
  const book = readFileSync((await xlsx.path())!);
  t.equal(book.subarray(0, 2).toString('latin1'), 'PK', 'a workbook (zip)');
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载可打印页面' }).click()]);
  t.equal(html.suggestedFilename(), '01-jingban-评分.html');
  t.match(readFileSync((await html.path())!, 'utf8'), /社会保险经办专项业务工作经费/);
  await page.getByRole('button', { name: '生成综述' }).click();
  const para = page.getByLabel('项目绩效自评综述');
  await para.waitFor();
  t.match(await para.inputValue(), /^根据年初设定的绩效目标，项目绩效自评得分为93\.76分。/);
  t.same(errors, []);
});

t.test('English when the browser asks for it first', async (t) => {
  const { page } = await open(t, '/ui/', { width: 1280, height: 800 }, 'en-US');
  t.equal(await page.locator('header .brand').textContent(), 'Performance self-evaluation');
  t.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.locator('#form-file').setInputFiles({ name: 'bad.xlsx', mimeType: XLSX, buffer: Buffer.from('not a workbook') });
  await page.getByRole('alert').waitFor();
  t.match(await page.getByRole('alert').textContent(), /^Error: /, 'the API answers in English too (Accept-Language)');
});
