/**
 * The malformed catalogue: 22 workbooks (and non-workbooks) built here. Each gives import
 * findings or a clear error code — never a throw — and over HTTP a 200 with findings or a 4xx,
 * never a 5xx.
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import t from 'tap';
import type { Code } from '../src/core/codes.js';
import { checkXlsxBuffer, importWorkbook } from '../src/excel/import/index.js';
import { scoreImported } from '../src/excel/score.js';
import { loadJixiao } from '../src/jixiao.js';
import { XLSX_DIR, SEED_DIR, loadJson, parsed, writeShanxi } from './support/make-workbooks.js';
import { testApp } from './support/http.js';
const jx = loadJixiao();

interface Entry {
  name: string;
  method?: number;
  data: Buffer;
  /** Sizes written in the directory (default: the real ones). */
  declared?: number;
  flags?: number;
}

/** A zip written by hand, so that its directory can say what a real one would not. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const usize = e.declared ?? e.data.length;
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.flags ?? 0, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(usize, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.flags ?? 0, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(usize, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const XML = (s: string) => Buffer.from(s, 'utf8');
const CT = { name: '[Content_Types].xml', data: XML('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rows(ws: ExcelJS.Worksheet, data: (string | number | null)[][]): void {
  data.forEach((r, i) => r.forEach((v, k) => v !== null && (ws.getCell(i + 1, k + 1).value = v)));
}

const HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const FUNDS: (string | number | null)[][] = [
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 100, 100, 90, 10, '90%', 9],
];

/** Expected outcome: an error code (import refused), or codes among the findings (form read). */
type Expect = { error: Code } | { findings: Code[]; forms?: number };

async function catalogue(): Promise<[string, Buffer, Expect][]> {
  const seed = loadJson(SEED_DIR + '01-jingban.json');
  const valid = readFileSync(XLSX_DIR + '01-jingban.xlsx');
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]);
  const list: [string, Buffer, Expect][] = [
    ['not a zip (a text file)', Buffer.from('项目名称,社会保险经办\n'), { error: 'IMPORT_NOT_XLSX' }],
    ['an empty file', Buffer.alloc(0), { error: 'IMPORT_NOT_XLSX' }],
    ['a legacy .xls (OLE, not encrypted)', ole, { error: 'IMPORT_NOT_XLSX' }],
    ['an encrypted workbook (OLE with EncryptionInfo)', encrypted, { error: 'IMPORT_ENCRYPTED' }],
    ['a zip whose entry has the encryption flag', zip([CT, { name: 'xl/workbook.xml', data: XML('<x/>'), flags: 1 }]), { error: 'IMPORT_ENCRYPTED' }],
    ['a zip bomb (60 MB of zeros)', zip([CT, { name: 'xl/workbook.xml', data: Buffer.alloc(60 * 1024 * 1024) }]), { error: 'IMPORT_TOO_LARGE' }],
    ['a zip bomb whose directory lies about the size', zip([CT, { name: 'xl/workbook.xml', data: Buffer.alloc(8 * 1024 * 1024), declared: 1000 }]), { error: 'IMPORT_TOO_LARGE' }],
    ['a ratio above 100:1 (5 MB of zeros)', zip([CT, { name: 'xl/workbook.xml', data: Buffer.alloc(5 * 1024 * 1024) }]), { error: 'IMPORT_TOO_LARGE' }],
    ['a zip that is not a workbook (docx-like)', zip([CT, { name: 'word/document.xml', data: XML('<w/>') }]), { error: 'IMPORT_NOT_XLSX' }],
    ['a truncated workbook', valid.subarray(0, Math.floor(valid.length / 2)), { error: 'IMPORT_NOT_XLSX' }],
    ['a stored entry whose sizes disagree', zip([CT, { name: 'xl/workbook.xml', data: XML('<x/>'), method: 0, declared: 99 }]), { error: 'IMPORT_NOT_XLSX' }],
    ['an unknown compression method', zip([CT, { name: 'xl/workbook.xml', data: XML('<x/>'), method: 12 }]), { error: 'IMPORT_NOT_XLSX' }],
    ['garbage xml inside a workbook zip', zip([CT, { name: 'xl/workbook.xml', data: XML('<<<not xml'), method: 0 }]), { error: 'IMPORT_NOT_XLSX' }],
    ['an empty sheet', await book((wb) => void wb.addWorksheet('空表')), { error: 'IMPORT_NO_FORM' }],
    [
      'a sheet without any header words',
      await book((wb) => rows(wb.addWorksheet('名单'), [['姓名', '年龄'], ['张三', 30]])),
      { error: 'IMPORT_NO_FORM' },
    ],
    [
      'a titled form without the indicator header',
      await book((wb) => rows(wb.addWorksheet('表'), [['某项目支出绩效自评表'], ['项目名称', '某项目'], ...FUNDS])),
      { error: 'IMPORT_NO_FORM' },
    ],
    [
      '10 001 rows',
      await book((wb) => {
        const ws = wb.addWorksheet('长表');
        rows(ws, [HEADER]);
        for (let i = 2; i <= 10_001; i++) ws.getCell(i, 4).value = `指标${i}`;
      }),
      { error: 'IMPORT_NO_FORM' },
    ],
    [
      'text in number cells',
      await book((wb) =>
        rows(wb.addWorksheet('表'), [
          ['(2023年度)'],
          ['项目名称', '文字项目'],
          ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
          [null, '年度资金总额', '约一百', '100', '九十', null, '90%', null],
          HEADER,
          [null, '产出指标', '数量指标', '甲', '≥10个', '10个', '十分', '10', null],
          [null, null, null, '乙', '≥5次', '5次', 80, 'N/A', null],
        ]),
      ),
      { findings: ['IMPORT_CELL_UNREADABLE'] },
    ],
    [
      'formula cells (one without a cached result)',
      await book((wb) => {
        const ws = wb.addWorksheet('公式');
        rows(ws, [['(2023年度)'], ['项目名称', '公式项目'], ...FUNDS, HEADER, [null, '产出指标', '数量指标', '甲', '≥10个', '10个', 90, null, null]]);
        ws.getCell('E4').value = { formula: 'C4-D4', result: 90 } as ExcelJS.CellFormulaValue;
        ws.getCell('H6').value = { formula: 'G6*1' } as ExcelJS.CellFormulaValue;
      }),
      { findings: ['IMPORT_FORMULA_NO_RESULT'] },
    ],
    [
      'no year and no project name',
      await book((wb) => rows(wb.addWorksheet('表'), [...FUNDS, HEADER, [null, '产出指标', '数量指标', '甲', '≥10个', '10个', 90, 90, null]])),
      { findings: ['IMPORT_FORM_INCOMPLETE'] },
    ],
    [
      'no money block, columns in another order',
      await book((wb) =>
        rows(wb.addWorksheet('表'), [
          ['(2023年度)'],
          ['项目名称', '乱序项目'],
          ['三级指标', '分值', '实际完成值', '年度指标值', '二级指标', '一级指标', '得分'],
          ['甲', 90, '10个', '≥10个', '数量指标', '产出指标', 90],
        ]),
      ),
      { findings: ['IMPORT_HEADER_MISSING'] },
    ],
    [
      'the seed table shifted down 5 rows and right 3 columns',
      await book((wb) => writeShanxi(wb, '移位', seed, { offset: { rows: 5, cols: 3 } })),
      { findings: ['IMPORT_REGION_INFERRED'], forms: 1 },
    ],
  ];
  return list;
}

t.test('the malformed catalogue: findings or a clear error, never a throw', async (t) => {
  const list = await catalogue();
  t.ok(list.length >= 20, `${list.length} cases`);
  for (const [name, buf, expect] of list) {
    const r = await importWorkbook(buf);
    if ('error' in expect) {
      t.equal(r.ok, false, name);
      if (!r.ok) {
        t.equal(r.error.code, expect.error, `${name}: ${r.error.message}`);
        t.ok(r.findings.length >= 1);
      }
      continue;
    }
    t.ok(r.ok, name);
    if (!r.ok) continue;
    const codes = [...r.findings, ...r.forms.flatMap((f) => f.findings)].map((f) => f.code);
    for (const c of expect.findings) t.ok(codes.includes(c), `${name}: ${c} in ${codes.join(',')}`);
    if (expect.forms) t.equal(r.forms.length, expect.forms);
    for (const f of r.forms) {
      // Whatever was read can be handed to the core without a throw.
      const s = scoreImported(jx, f);
      t.ok(Array.isArray(s.findings), `${name}: scored or refused with findings`);
    }
  }
});

t.test('specific readings of the malformed cases', async (t) => {
  const list = await catalogue();
  const get = async (name: string) => {
    const r = await importWorkbook(list.find((x) => x[0] === name)![1]);
    if (!r.ok) throw new Error(name);
    return r;
  };
  const shifted = await get('the seed table shifted down 5 rows and right 3 columns');
  t.same(parsed(shifted.forms[0].form), parsed(loadJson(SEED_DIR + '01-jingban.json'), ['id']), 'header rows found by their words');
  t.equal(shifted.forms[0].cells['/indicators/0/name'], '移位!G17');

  const text = await get('text in number cells');
  const unreadable = text.forms[0].findings.filter((f) => f.code === 'IMPORT_CELL_UNREADABLE').map((f) => f.cell);
  t.same(unreadable.sort(), ['表!C4', '表!E4', '表!G6', '表!H7'].sort());
  const scored = scoreImported(jx, text.forms[0]);
  t.equal(scored.ok, false, '甲 has no readable 分值');
  t.ok(scored.findings.some((f) => f.pointer === '/indicators/0/points' && f.cell === '表!G6'));

  const formula = await get('formula cells (one without a cached result)');
  t.equal((formula.forms[0].form.funds.rows[0] as Record<string, unknown>).executed, '90', 'the cached result is read');
  t.equal(formula.forms[0].findings.find((f) => f.code === 'IMPORT_FORMULA_NO_RESULT')?.cell, '公式!H6');

  const order = await get('no money block, columns in another order');
  const ind = order.forms[0].form.indicators[0] as Record<string, unknown>;
  t.same([ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.points], ['产出指标', '数量指标', '甲', '≥10个', '10个', '90']);

  const long = await importWorkbook(list.find((x) => x[0] === '10 001 rows')![1]);
  t.ok(!long.ok && long.findings.some((f) => f.code === 'IMPORT_TOO_MANY_ROWS'));
  const empty = await importWorkbook(list.find((x) => x[0] === 'an empty sheet')![1]);
  t.ok(!empty.ok && empty.findings.some((f) => f.code === 'IMPORT_EMPTY_SHEET'));
  const noHeader = await importWorkbook(list.find((x) => x[0] === 'a titled form without the indicator header')![1]);
  t.ok(!noHeader.ok && noHeader.findings.some((f) => f.code === 'IMPORT_HEADER_MISSING'));
});

t.test('zip checks: limits and odd archives', async (t) => {
  const small = zip([CT, { name: 'xl/workbook.xml', data: Buffer.alloc(4000) }]);
  t.same(checkXlsxBuffer(small).ok, true);
  t.match(checkXlsxBuffer(small, { maxUncompressed: 100, maxRatio: 100, maxEntries: 10 }), { ok: false, code: 'IMPORT_TOO_LARGE' });
  t.match(checkXlsxBuffer(small, { maxUncompressed: 1e9, maxRatio: 100, maxEntries: 1 }), { ok: false, code: 'IMPORT_TOO_LARGE' });
  const noEnd = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
  t.match(checkXlsxBuffer(noEnd), { ok: false, code: 'IMPORT_NOT_XLSX' });
  const pkg = zip([CT, { name: 'EncryptedPackage', data: Buffer.alloc(10) }, { name: 'xl/workbook.xml', data: XML('<x/>') }]);
  t.match(checkXlsxBuffer(pkg), { ok: false, code: 'IMPORT_ENCRYPTED' });
  const corrupt = Buffer.from(small);
  corrupt.writeUInt32LE(0, corrupt.length - 22 - 46 - 'xl/workbook.xml'.length); // break the central record
  t.match(checkXlsxBuffer(corrupt), { ok: false, code: 'IMPORT_NOT_XLSX' });
  // A deflated entry whose data is not deflate.
  const bad = zip([CT, { name: 'xl/workbook.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), method: 0 }]);
  const cdStart = bad.readUInt32LE(bad.length - 6);
  const second = cdStart + 46 + CT.name.length;
  bad.writeUInt16LE(8, second + 10);
  t.match(checkXlsxBuffer(bad), { ok: false, code: 'IMPORT_NOT_XLSX' });
  const zip64 = Buffer.from(small);
  zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
  t.match(checkXlsxBuffer(zip64), { ok: false, code: 'IMPORT_TOO_LARGE' });
});

t.test('over HTTP: every malformed upload is a 200 with findings or a 4xx', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  for (const [name, buf, expect] of await catalogue()) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/import',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: buf,
    });
    t.ok(res.statusCode < 500, `${name}: ${res.statusCode}`);
    if ('error' in expect) {
      t.ok(res.statusCode >= 400, `${name} is refused`);
      t.match(res.headers['content-type'], /application\/problem\+json/);
      // Over HTTP a sheet over the row limit is refused before it is read (src/excel/rows.ts).
      const want: string[] = buf.length === 0 ? [expect.error, 'EMPTY_BODY'] : name === '10 001 rows' ? ['IMPORT_TOO_MANY_ROWS'] : [expect.error];
      t.ok(want.includes(res.json().code), `${name}: ${res.json().code}`);
    } else {
      t.equal(res.statusCode, 200, name);
    }
  }
});
