/**
 * Read one 项目支出绩效自评表 from a grid: find the blocks by their header words, map each
 * column by what its header says, and keep the cell address of every value. Handles the
 * central layout (年度指标值), the Shanxi layout (年初/调整后指标值, 目标申报数/预算编制数,
 * 资金结(转)余) and the Sichuan layout (指标性质/指标值/度量单位, 权重, 未完成原因分析).
 * Never throws: what cannot be read becomes an import finding naming the cell.
 */
import { finding, ptr, type Code, type Finding, type Lang } from '../../core/codes.js';
import type { FormInput } from '../../core/model/form.js';
import type { Grid, GridCell } from './grid.js';
import { ANALYSIS_KEYS, type Labels } from '../../core/parse/labels.js';
import type { NumberKind } from '../../core/text.js';
import { loadVocabulary } from '../../data/vocabulary.js';
import { loadImportWords } from './data.js';
import {
  analysisLabel,
  clean,
  decorativeColumn,
  fundColumn,
  furniture,
  moneyUnitStatement,
  oneLine,
  says,
  identityLabel,
  indicatorColumn,
  isTotalFundName,
  levelName,
  norm,
  provinceOf,
  readNumber,
  splitCodeName,
  splitTotal,
  type AnalysisKey,
  type FundField,
  type FurnitureWords,
  type IndicatorField,
} from './words.js';

/** JSON pointer → "Sheet!H14". */
export type CellMap = Record<string, string>;

export type Layout = 'shanxi' | 'sichuan' | 'central' | 'jixiao';

export interface SheetRead {
  sheet: string;
  layout: Layout;
  /** null: the sheet looks like a form but its indicator header cannot be found. */
  form: FormInput | null;
  cells: CellMap;
  findings: Finding[];
}

export interface SheetOptions {
  lang?: Lang;
  /** 财政区划 code to set when the sheet does not say (overrides inference). */
  mofDivCode?: string;
  /** Row and section labels (indicators/labels.json); the default vocabulary's when omitted. */
  labels?: Labels;
  /** Notes, footer, decorative columns, money-unit statements (indicators/import-words.json). */
  words?: FurnitureWords;
}

/** "Sheet1!H14"; names with spaces or punctuation are quoted as Excel does ('My sheet'!A1). */
export function cellRef(sheet: string, addr: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) ? `${sheet}!${addr}` : `'${sheet.replace(/'/g, "''")}'!${addr}`;
}

type Row = GridCell[];

/** The distinct merge masters of a row, left to right, with their first column. */
function masters(row: Row, from = 0, to = row.length): { cell: GridCell; col: number }[] {
  const seen = new Set<string>();
  const out: { cell: GridCell; col: number }[] = [];
  for (let c = from; c < to; c++) {
    const cell = row[c];
    if (seen.has(cell.master)) continue;
    seen.add(cell.master);
    out.push({ cell, col: c });
  }
  return out;
}

function rowHas(row: Row, pred: (t: string) => boolean): boolean {
  return row.some((c) => c.text !== '' && pred(norm(c.text)));
}

function rowBlank(row: Row): boolean {
  return row.every((c) => c.text.trim() === '');
}

/** 0-based row and column of an address ("H14" → 13, 7). */
function rowCol(addr: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) return { r: -1, c: -1 };
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** The non-empty merge masters that start in row r (not a merge continued from a row above). */
function ownMasters(row: Row, r: number, from = 0, to = row.length): { cell: GridCell; col: number }[] {
  return masters(row, from, to).filter((m) => m.cell.text.trim() !== '' && rowCol(m.cell.master).r === r);
}

/** What a row under the indicator header is, decided by where its cells sit. */
type RowRole = 'indicator' | 'total' | 'subtotal' | 'end';

interface IndicatorShape {
  header: number;
  nameCol: number;
  firstField: number;
  fieldCols: number[];
  levelCols: number[];
}

const SKIP_REASONS = {
  subtotal: { zh: '合计 / 小计行，由引擎按各指标重新计算', en: 'a subtotal row; the engine recomputes it from the indicators' },
  noIndicator: { zh: '无指标名称、分值、指标值和实际完成值，无法作为指标读入', en: 'no indicator name, points, target or actual value' },
  notLabel: { zh: '不是项目绩效分析的栏目，无法放入表单', en: 'not a label of the performance analysis block; it has no place in the form' },
  extra: { zh: '同一行多出的内容，无法放入表单', en: 'more content than the row has places for' },
  duplicate: { zh: '该栏目已读入一次，重复的内容未读入', en: 'this section was already read once' },
} as const;

/** Why a cell is left out of the form on purpose (IMPORT_CELL_IGNORED). */
const IGNORE_REASONS = {
  column: { zh: '所在列“{header}”不对应表单的任何字段', en: 'its column "{header}" maps to no field of the form' },
  noHeader: { zh: '所在列没有表头，不对应表单的任何字段', en: 'its column has no header and maps to no field of the form' },
  header: { zh: '重复的表头行（跨页打印时常见），不是指标', en: 'the header repeated (as a sheet printed over pages does), not an indicator' },
  notes: { zh: '表下注释（注、备注、填表说明），不属于表单内容', en: 'a note under the table, not part of the form' },
  footer: { zh: '填表信息（填表人、联系电话、日期等），不属于表单内容', en: 'the filer\'s signature line (name, phone, date), not part of the form' },
} as const;

class SheetReader {
  readonly cells: CellMap = {};
  readonly findings: Finding[] = [];
  private readonly lang: Lang;
  private readonly labels: Labels;
  private readonly words: FurnitureWords;

  constructor(
    private readonly g: Grid,
    private readonly opts: SheetOptions,
  ) {
    this.lang = opts.lang ?? 'zh';
    this.labels = opts.labels ?? loadVocabulary().labels;
    this.words = opts.words ?? loadImportWords();
  }

  /** A cell with content the form has no place for: a finding with its cell, never a silent drop. */
  ignored(cell: GridCell, reason: keyof typeof IGNORE_REASONS, header = ''): void {
    const t = clean(cell.text);
    const text = t.length > 40 ? t.slice(0, 40) + '…' : t;
    this.note('IMPORT_CELL_IGNORED', cell, { text, reason: IGNORE_REASONS[reason][this.lang].replace('{header}', clean(header)) });
  }

  /** A row the importer does not read: a finding with its cell, never a silent drop. */
  skipped(cell: GridCell, reason: keyof typeof SKIP_REASONS, pointer = ''): void {
    const t = clean(cell.text);
    const text = t.length > 40 ? t.slice(0, 40) + '…' : t;
    this.note('IMPORT_ROW_SKIPPED', cell, { text, reason: SKIP_REASONS[reason][this.lang] }, pointer);
  }

  ref(cell: GridCell): string {
    return cellRef(this.g.sheet, cell.master);
  }

  note(code: Code, cell: GridCell | null, params: Record<string, string | number> = {}, pointer = ''): void {
    const f = finding(code, pointer, { sheet: this.g.sheet, ...(cell ? { cell: this.ref(cell) } : {}), ...params }, this.lang);
    if (cell) f.cell = this.ref(cell);
    this.findings.push(f);
  }

  mark(pointer: string, cell: GridCell): void {
    this.cells[pointer] ??= this.ref(cell);
  }

  /** Text of a cell, with a finding for a formula that has no cached result. */
  text(cell: GridCell | undefined): string {
    if (!cell) return '';
    if (cell.formulaNoResult) {
      if (!this.findings.some((f) => f.code === 'IMPORT_FORMULA_NO_RESULT' && f.cell === this.ref(cell))) {
        this.note('IMPORT_FORMULA_NO_RESULT', cell);
      }
      return '';
    }
    return clean(cell.text);
  }

  /** A number cell; a finding and undefined when it cannot be read. */
  num(cell: GridCell | undefined, pointer: string, as: NumberKind = 'points', moneyUnit = '万元'): string | undefined {
    if (!cell) return undefined;
    const t = this.text(cell);
    const r = readNumber(t, as);
    if (r.kind === 'blank') return undefined;
    this.mark(pointer, cell);
    if (r.kind === 'bad') {
      this.note('IMPORT_CELL_UNREADABLE', cell, { value: t.length > 40 ? t.slice(0, 40) + '…' : t }, pointer);
      return undefined;
    }
    // An amount in another money unit stays as written: validation names both units (never converted).
    if (r.unit !== undefined && r.unit !== moneyUnit) return t.replace(/万\s*$/, '万元');
    if (r.changed && !cell.numeric && !/^[\d.]+%?$/.test(t.trim())) {
      this.note('IMPORT_VALUE_NORMALISED', cell, { value: t, normalised: r.value }, pointer);
    }
    return r.value;
  }

  /** A yes / no cell (是 / 否); a finding when it says neither. */
  flag(cell: GridCell | undefined, pointer: string): boolean | undefined {
    const t = this.text(cell);
    if (!cell || t === '') return undefined;
    this.mark(pointer, cell);
    if (this.labels.flagYes(t)) return true;
    if (this.labels.flagNo(t)) return false;
    this.note('IMPORT_CELL_UNREADABLE', cell, { value: t.length > 40 ? t.slice(0, 40) + '…' : t }, pointer);
    return undefined;
  }

  read(): SheetRead | null {
    const g = this.g;
    const rows = g.cells;
    // 1. The indicator header: the anchor of the form.
    const indHeader = rows.findIndex(isIndicatorHeader);
    const titleRow = rows.findIndex((r) => rowHas(r, (t) => says(t, 'title')));
    if (indHeader < 0) {
      const looksLikeForm = rows.some((r) =>
        r.some((c) => /绩效自评表(\(\d{4}年度?\))?$/.test(norm(c.text)) && norm(c.text).length <= 60),
      );
      if (looksLikeForm) {
        this.note('IMPORT_HEADER_MISSING', null, { header: '三级指标 / 分值' }, '/indicators');
        return { sheet: g.sheet, layout: 'central', form: null, cells: this.cells, findings: this.findings };
      }
      return null;
    }
    const form: Record<string, unknown> = {};
    // A header over two rows: the groups above (绩效指标, 指标值 …) with the columns merged down.
    const headTop = this.headerAbove(indHeader) ? indHeader - 1 : indHeader;
    const topRow = titleRow >= 0 && titleRow < headTop ? titleRow : 0;
    if (rows[topRow]?.[0]) this.cells[''] = this.ref(rows[topRow].find((c) => c.text !== '') ?? rows[topRow][0]);

    // 2. The fund header: the last row above the indicators that names 执行数 / 执行率.
    let fundHeader = -1;
    const executedWord = (t: string) => says(t, 'fundHeader');
    for (let r = headTop - 1; r >= topRow; r--) {
      if (rowHas(rows[r], (t) => executedWord(t) && !says(t, 'fundLabel'))) {
        fundHeader = r;
        if (r > 0 && rowHas(rows[r - 1], executedWord)) continue;
        break;
      }
    }
    const identityEnd = fundHeader >= 0 ? fundHeader : headTop;

    // 3. Title, year, identity.
    this.readIdentity(form, topRow, identityEnd);
    this.readMoneyUnit(form, topRow, fundHeader >= 0 ? Math.min(fundHeader + 1, headTop - 1) : headTop - 1, fundHeader);

    // 4. Funds.
    let afterFunds = identityEnd;
    let layout: Layout = 'central';
    if (fundHeader >= 0) {
      const res = this.readFunds(form, fundHeader, headTop);
      afterFunds = res.end;
      if (res.shanxi) layout = 'shanxi';
      if (res.jixiao) layout = 'jixiao';
    } else {
      this.note('IMPORT_HEADER_MISSING', null, { header: '全年执行数' });
    }

    // 5. Goals between the funds and the indicators.
    this.readGoals(form, afterFunds, headTop);

    // 6. Indicators, total, analysis.
    const ind = this.readIndicators(form, indHeader);
    if (ind.layout) layout = layout === 'jixiao' ? 'jixiao' : ind.layout;
    if (ind.jixiao) layout = 'jixiao';
    if (ind.totalRow >= 0) this.readTotal(form, ind.totalRow, ind.reportedCol, ind.scoreCol);
    this.readAnalysis(form, ind.totalRow >= 0 ? ind.totalRow + 1 : ind.end, ind.reportedCol, ind.scoreCol);

    // 7. Region: the sheet's own code, the option, the unit's province, the Shanxi layout.
    if (this.opts.mofDivCode) form.mofDivCode = this.opts.mofDivCode;
    if (form.mofDivCode === undefined) {
      const byName = provinceOf(form.deptName as string | undefined) ?? provinceOf(form.agencyName as string | undefined);
      const basis = byName ? ((form.deptName as string | undefined) ?? (form.agencyName as string)) : null;
      if (byName && basis) {
        form.mofDivCode = byName;
        this.note('IMPORT_REGION_INFERRED', null, { basis, code: byName }, '/mofDivCode');
      } else if (layout === 'shanxi') {
        form.mofDivCode = '140000';
        this.note('IMPORT_REGION_INFERRED', null, { basis: '山西版式（年初指标值 / 调整后指标值）', code: '140000' }, '/mofDivCode');
      }
    }
    this.hiddenRead(topRow);
    if (form.fiscalYear === undefined) this.note('IMPORT_FORM_INCOMPLETE', null, { field: '年度' }, '/fiscalYear');
    if (form.proName === undefined) this.note('IMPORT_FORM_INCOMPLETE', null, { field: '项目名称' }, '/proName');
    return { sheet: g.sheet, layout, form: order(form) as FormInput, cells: this.cells, findings: this.findings };
  }

  /** The row above the indicator header is part of it: a column name merged down into the header. */
  private headerAbove(header: number): boolean {
    if (header <= 0) return false;
    const above = this.g.cells[header - 1];
    const row = this.g.cells[header];
    return above.some((c, i) => c.text.trim() !== '' && c.master === row[i].master && indicatorColumn(c.text) !== null);
  }

  /**
   * The money unit the sheet states (title, a row of its own, the funds header): the statement
   * nearest the amounts wins, another that disagrees is IMPORT_MONEY_UNIT_CONFLICT; none at all is
   * IMPORT_MONEY_UNIT_ASSUMED (万元) — never a silent guess.
   */
  private readMoneyUnit(form: Record<string, unknown>, top: number, last: number, fundHeader: number): void {
    const rows = this.g.cells;
    const found: { unit: '万元' | '元'; cell: GridCell }[] = [];
    for (let r = top; r <= last && r < rows.length; r++) {
      for (const m of ownMasters(rows[r], r)) {
        const unit = moneyUnitStatement(m.cell.text, this.words);
        if (unit) found.push({ unit, cell: m.cell });
      }
    }
    const used = found.at(-1);
    if (!used) {
      if (fundHeader >= 0) this.note('IMPORT_MONEY_UNIT_ASSUMED', rows[fundHeader].find((c) => c.text.trim() !== '') ?? rows[fundHeader][0], {}, '/moneyUnit');
      return;
    }
    form.moneyUnit = used.unit;
    this.mark('/moneyUnit', used.cell);
    for (const other of found) {
      if (other.unit !== used.unit) {
        this.note('IMPORT_MONEY_UNIT_CONFLICT', other.cell, { unit: other.unit, moneyUnit: used.unit, used: this.ref(used.cell) }, '/moneyUnit');
      }
    }
  }

  /** Rows and columns hidden in Excel are read like the others; each that holds content is said once. */
  private hiddenRead(top: number): void {
    const g = this.g;
    const first = (cells: GridCell[]) => cells.find((c) => c.text.trim() !== '' && c.master === c.address);
    for (const r of g.hiddenRows ?? []) {
      const cell = r >= top ? first(g.cells[r]) : undefined;
      if (cell) this.note('IMPORT_HIDDEN_READ', cell, { what: this.lang === 'en' ? 'row' : '行' });
    }
    for (const c of g.hiddenCols ?? []) {
      const cell = first(g.cells.slice(top).map((row) => row[c]));
      if (cell) this.note('IMPORT_HIDDEN_READ', cell, { what: this.lang === 'en' ? 'column' : '列' });
    }
  }

  private readIdentity(form: Record<string, unknown>, top: number, end: number): void {
    const rows = this.g.cells;
    // "(2022年度)" wins over a year inside the project name ("2023年…专项资金").
    const flat = rows.slice(top, end).flatMap((row) => masters(row).map((m) => m.cell.text));
    const yearRe = flat.some((t) => /(?:19|20)\d{2}\s*年度/.test(t)) ? /((?:19|20)\d{2})\s*年度/ : /((?:19|20)\d{2})\s*年/;
    for (let r = top; r < end; r++) {
      const ms = masters(rows[r]).filter((m) => m.cell.text.trim() !== '');
      for (let i = 0; i < ms.length; i++) {
        const t = this.text(ms[i].cell);
        if (form.fiscalYear === undefined) {
          const y = yearRe.exec(t);
          const next = ms[i + 1];
          if (y) {
            form.fiscalYear = Number(y[1]);
            this.mark('/fiscalYear', ms[i].cell);
          } else if (/^(评价|预算|自评)?年度$/.test(norm(t)) && next && /^(19|20)\d{2}$/.test(norm(next.cell.text))) {
            form.fiscalYear = Number(norm(next.cell.text));
            this.mark('/fiscalYear', next.cell);
          }
        }
        if (form.proName === undefined && r === top && norm(t).endsWith('绩效自评表') && norm(t).length > 10) {
          // "社会保险经办专项业务工作经费项目支出绩效自评表": the project name is in the title too.
          const name = norm(t).replace(/\(?\d{4}年度?\)?/, '').replace(/项目支出绩效自评表$|绩效自评表$/, '');
          if (name.length >= 2) this.titleName = name;
        }
        const key = identityLabel(t);
        if (!key) continue;
        const next = ms[i + 1];
        if (!next || identityLabel(next.cell.text)) continue;
        // Names and codes on one line (a break typed into a narrow cell is layout).
        const value = oneLine(this.text(next.cell));
        if (value === '') continue;
        if (key === 'proName') {
          form.proName = value;
          this.mark('/proName', next.cell);
        } else if (key === 'proCode') {
          form.proCode = value;
          this.mark('/proCode', next.cell);
        } else if (key === 'id') {
          form.id = value;
          this.mark('/id', next.cell);
        } else if (key === 'mofDivCode') {
          form.mofDivCode = value;
          this.mark('/mofDivCode', next.cell);
        } else {
          const prefix = key === 'dept' ? 'dept' : 'agency';
          const { code, name } = splitCodeName(value);
          if (code !== undefined) {
            form[prefix + 'Code'] = code;
            this.mark(`/${prefix}Code`, next.cell);
          }
          if (name !== undefined) {
            form[prefix + 'Name'] = name;
            this.mark(`/${prefix}Name`, next.cell);
          }
        }
        i++;
      }
    }
    if (form.proName === undefined && this.titleName) {
      form.proName = this.titleName;
      const title = rows[top].find((c) => c.text !== '');
      if (title) this.mark('/proName', title);
    }
  }

  private titleName: string | undefined;

  private readFunds(form: Record<string, unknown>, header: number, limit: number): { end: number; shanxi: boolean; jixiao: boolean } {
    const rows = this.g.cells;
    const cols = this.g.cols;
    // A second header row holds the sub-columns (目标申报数 / 预算编制数) when it has no numbers.
    const second = rows[header + 1];
    const twoRows =
      header + 1 < limit &&
      second !== undefined &&
      !second.some((c) => c.numeric) &&
      rowHas(second, (t) => says(t, 'fundSubHeader'));
    const fields = new Map<number, FundField>();
    const seen = new Set<FundField>();
    for (let c = 0; c < cols; c++) {
      const parts = [rows[header][c].text];
      if (twoRows && second[c].master !== rows[header][c].master) parts.push(second[c].text);
      const kind = fundColumn(parts.join(''));
      // The label column ("项目资金预算安排及执行进度(万元)") also says 执行 and 预算: skip it.
      if (!kind || says(parts[0], 'fundLabel')) continue;
      if (seen.has(kind) && kind !== 'reason') continue;
      if (c > 0 && rows[header][c - 1].master === rows[header][c].master && (!twoRows || second[c - 1].master === second[c].master)) continue;
      fields.set(c, kind);
      seen.add(kind);
    }
    this.mark('/funds', rows[header][0]);
    const firstCol = Math.min(...fields.keys());
    const unmapped = new Map<number, string>();
    for (let c = Number.isFinite(firstCol) ? firstCol : cols; c < cols; c++) {
      if (fields.has(c) || (c > 0 && rows[header][c - 1].master === rows[header][c].master)) continue;
      const h = rows[header][c].text + (twoRows && second[c].master !== rows[header][c].master ? second[c].text : '');
      if (!decorativeColumn(h, this.words)) unmapped.set(c, h);
    }
    const jixiao = [...fields.values()].some((k) => k.startsWith('reported'));
    const list: Record<string, unknown>[] = [];
    let r = header + (twoRows ? 2 : 1);
    for (; r < limit; r++) {
      const row = rows[r];
      if (rowBlank(row)) continue;
      if (rowHas(row, (t) => this.labels.goalSection(t) || says(t, 'indicatorName'))) break;
      const labelCells = masters(row, 0, Number.isFinite(firstCol) ? firstCol : 1).filter((m) => m.cell.text.trim() !== '');
      const labelCell = labelCells.at(-1)?.cell;
      const i = list.length;
      const p = (f: string) => ptr('funds', 'rows', i, f);
      const item: Record<string, unknown> = {};
      let any = false;
      for (const [c, kind] of fields) {
        const cell = row[c];
        // A value merged across from the label (or from another column) is not this column's value.
        if (c > 0 && row[c - 1].master === cell.master && fields.get(c - 1) === undefined) continue;
        if (kind === 'reason' || kind === 'foundTypeCode') {
          const t = this.text(cell);
          if (t) {
            item[kind] = t;
            this.mark(p(kind), cell);
            any = kind === 'reason' || any;
          }
          continue;
        }
        if (kind === 'isTotal') {
          const flag = this.flag(cell, p('isTotal'));
          if (flag !== undefined) item.isTotal = flag;
          continue;
        }
        if (jixiao && (kind === 'rate' || kind === 'score' || kind === 'balance')) continue;
        const target =
          kind === 'rate' || kind === 'reportedRate'
            ? 'reportedRate'
            : kind === 'balance' || kind === 'reportedBalance'
              ? 'reportedBalance'
              : kind === 'score' || kind === 'reportedScore'
                ? 'reportedScore'
                : kind;
        if (kind === 'points') {
          const v = this.num(cell, ptr('funds', 'points'), 'points');
          if (v !== undefined && form.funds === undefined) (this.fundPoints ??= v);
          continue;
        }
        const as: NumberKind = target === 'reportedRate' ? 'percent' : target === 'reportedScore' ? 'points' : 'amount';
        const v = this.num(cell, p(target), as, (form.moneyUnit as string | undefined) ?? '万元');
        if (v !== undefined) {
          item[target] = v;
          any = true;
        }
      }
      const labelText = labelCell ? oneLine(this.text(labelCell)) : '';
      if (!any && labelText === '') continue;
      if (!any && !this.labels.fundRow(labelText)) break;
      this.ignoredCells(r, header, unmapped, fields.keys());
      const name = labelText.replace(/^其中\s*[:：]?\s*/, '').replace(/[:：]\s*$/, '').trim();
      if (name !== '') {
        item.name = name;
        if (item.isTotal === undefined && isTotalFundName(name, this.labels)) item.isTotal = true;
        this.mark(p('name'), labelCell!);
        this.mark(ptr('funds', 'rows', i), labelCell!);
      } else {
        item.name = '';
        const c0 = row[Math.max(0, Number.isFinite(firstCol) ? firstCol - 1 : 0)];
        this.mark(p('name'), c0);
        this.mark(ptr('funds', 'rows', i), c0);
      }
      list.push(orderRow(item));
    }
    const funds: Record<string, unknown> = {};
    if (this.fundPoints !== undefined) funds.points = this.fundPoints;
    funds.rows = list;
    form.funds = funds;
    if (list.length === 0) this.note('IMPORT_FORM_INCOMPLETE', rows[header][0], { field: '项目资金' }, '/funds/rows');
    const shanxi = [...fields.values()].some((k) => k === 'declared');
    return { end: r, shanxi, jixiao };
  }

  private fundPoints: string | undefined;

  private readGoals(form: Record<string, unknown>, from: number, to: number): void {
    const rows = this.g.cells;
    let header = -1;
    for (let r = from; r < to; r++) {
      if (rowHas(rows[r], (t) => says(t, 'goalHeaderCompletion')) && rowHas(rows[r], (t) => says(t, 'goalHeaderTarget'))) {
        header = r;
        break;
      }
    }
    if (header < 0) return;
    const groups = masters(rows[header]).filter((m) => m.cell.text.trim() !== '');
    const ci = groups.findIndex((m) => says(m.cell.text, 'goalHeaderCompletion'));
    if (ci < 0) return;
    const ti = ci - 1;
    const span = (k: number): [number, number] => {
      const start = groups[k].col;
      let end = start;
      while (end + 1 < this.g.cols && rows[header][end + 1].master === groups[k].cell.master) end++;
      return [start, end];
    };
    const [cs, ce] = span(ci);
    const [ts, te] = ti >= 0 ? span(ti) : [-1, -1];
    const labelMasters = new Set(groups.slice(0, Math.max(ti, 0)).map((m) => m.cell.master));
    const goals: Record<string, string>[] = [];
    const pick = (row: Row, s: number, e: number): GridCell | undefined => {
      if (s < 0) return undefined;
      for (let c = s; c <= e; c++) {
        const cell = row[c];
        if (cell.master === rows[header][c].master || labelMasters.has(cell.master)) continue;
        if (cell.text.trim() !== '') return cell;
      }
      return undefined;
    };
    for (let r = header + 1; r < to; r++) {
      const row = rows[r];
      if (rowBlank(row)) continue;
      if (rowHas(row, (t) => says(t, 'indicatorLevel'))) break;
      const tc = pick(row, ts, te);
      const cc = pick(row, cs, ce);
      if (!tc && !cc) continue;
      const goal: Record<string, string> = {};
      const i = goals.length;
      if (tc) {
        goal.target = this.text(tc);
        this.mark(ptr('goals', i, 'target'), tc);
        this.mark(ptr('goals', i), tc);
      }
      if (cc) {
        goal.completion = this.text(cc);
        this.mark(ptr('goals', i, 'completion'), cc);
        this.mark(ptr('goals', i), cc);
      }
      goals.push(goal);
    }
    if (goals.length) form.goals = goals;
  }

  private readIndicators(
    form: Record<string, unknown>,
    header: number,
  ): { end: number; totalRow: number; reportedCol: number; scoreCol: number; layout: Layout | null; jixiao: boolean } {
    const rows = this.g.cells;
    const cols = this.g.cols;
    const fields = new Map<number, IndicatorField>();
    const seen = new Set<IndicatorField>();
    /** Columns the form has no field for (备注, 指标值说明, a second 分值 …): their cells are said, not read. */
    const unmapped = new Map<number, string>();
    const top = this.headerAbove(header) ? rows[header - 1] : undefined;
    for (let c = 0; c < cols; c++) {
      const cell = rows[header][c];
      if (c > 0 && rows[header][c - 1].master === cell.master) continue;
      // Two header rows: the column's own name, else its group's name with it (指标值 / 年度).
      const group = top && top[c].master !== cell.master ? top[c].text : '';
      const kind = indicatorColumn(cell.text) ?? (group ? indicatorColumn(group + cell.text) : null);
      const headerText = cell.text.trim() !== '' ? cell.text : group;
      if (!kind || seen.has(kind)) {
        if (!decorativeColumn(headerText, this.words)) unmapped.set(c, headerText);
        continue;
      }
      fields.set(c, kind);
      seen.add(kind);
    }
    const colOf = (k: IndicatorField) => [...fields].find(([, v]) => v === k)?.[0] ?? -1;
    const jixiao = seen.has('reportedScore');
    this.mark('/indicators', rows[header][colOf('name') >= 0 ? colOf('name') : 0]);
    for (const need of ['name', 'points'] as const) {
      if (!seen.has(need)) this.note('IMPORT_HEADER_MISSING', rows[header][0], { header: need === 'name' ? '三级指标' : '分值' });
    }
    if (!seen.has('target') && !seen.has('initialTarget')) this.note('IMPORT_HEADER_MISSING', rows[header][0], { header: '指标值' });
    if (!seen.has('actual')) this.note('IMPORT_HEADER_MISSING', rows[header][0], { header: '实际完成值' });
    const layout: Layout | null = seen.has('initialTarget') ? 'shanxi' : seen.has('operator') || seen.has('unit') ? 'sichuan' : null;

    const list: Record<string, unknown>[] = [];
    let l1 = '';
    let l2 = '';
    let totalRow = -1;
    let r = header + 1;
    const firstField = Math.min(...fields.keys());
    const shape = { header, nameCol: colOf('name'), firstField, fieldCols: [...fields.keys()], levelCols: [colOf('level1'), colOf('level2')] };
    for (; r < rows.length; r++) {
      const row = rows[r];
      if (rowBlank(row)) continue;
      // The header again (a sheet printed over pages repeats it), with the group row above it.
      if (isIndicatorHeader(row) || (r + 1 < rows.length && isIndicatorHeader(rows[r + 1]) && this.headerAbove(r + 1))) {
        const first = ownMasters(row, r)[0]?.cell;
        if (first) this.ignored(first, 'header');
        continue;
      }
      const role = this.rowRole(r, shape, (k) => {
        const c = colOf(k);
        return c >= 0 && row[c].master !== rows[header][c].master ? this.text(row[c]) : '';
      });
      if (role === 'total') {
        totalRow = r;
        break;
      }
      if (role === 'end') break;
      if (role === 'subtotal') {
        const label = ownMasters(row, r)[0]?.cell ?? row[Math.max(0, colOf('name'))];
        this.skipped(label, 'subtotal');
        continue;
      }
      const get = (k: IndicatorField): GridCell | undefined => {
        const c = colOf(k);
        if (c < 0) return undefined;
        const cell = row[c];
        // The block label (绩效指标) merged down the left edge is not a value.
        if (cell.master === rows[header][c].master) return undefined;
        return cell;
      };
      const i = list.length;
      const p = (f: string) => ptr('indicators', i, f);
      const item: Record<string, unknown> = {};
      const l1c = get('level1');
      const l2c = get('level2');
      const t1 = l1c ? levelName(oneLine(this.text(l1c))) : '';
      const t2 = l2c ? levelName(oneLine(this.text(l2c))) : '';
      if (t1 !== '' && t1 !== l1) {
        l1 = t1;
        l2 = '';
      }
      if (t2 !== '') l2 = t2;
      const nameCell = get('name');
      const name = nameCell ? oneLine(this.text(nameCell)) : '';
      this.ignoredCells(r, header, unmapped, fields.keys());
      const texts: Partial<Record<IndicatorField, string>> = {};
      for (const k of ['initialTarget', 'target', 'operator', 'unit', 'actual', 'deviationNote', 'evalStd', 'deductionReason', 'level1Code', 'level2Code', 'code', 'id'] as const) {
        const cell = get(k);
        const t = cell ? this.text(cell) : '';
        if (t !== '') texts[k] = t;
      }
      const numCells: Partial<Record<IndicatorField, GridCell>> = {};
      for (const k of ['points', 'score', 'reportedScore', 'manualScore', 'deduction'] as const) {
        const cell = get(k);
        if (cell && this.text(cell) !== '') numCells[k] = cell;
      }
      const hasValues = Object.keys(texts).length > 0 || Object.keys(numCells).length > 0;
      if (name === '' && !hasValues) continue; // a row that only carries 一级 / 二级 labels
      if (name === '' && !numCells.points && !texts.actual && !texts.target) {
        // No name, no points, no target, no actual: nothing to score; said, not dropped.
        this.skipped(ownMasters(row, r)[0]?.cell ?? row[0], 'noIndicator');
        continue;
      }
      if (l1 !== '') {
        item.level1 = l1;
        if (l1c) this.mark(p('level1'), l1c);
      } else {
        item.level1 = '';
        this.mark(p('level1'), row[colOf('level1') >= 0 ? colOf('level1') : 0]);
      }
      if (l2 !== '') {
        item.level2 = l2;
        if (l2c) this.mark(p('level2'), l2c);
      } else {
        item.level2 = '';
        this.mark(p('level2'), row[colOf('level2') >= 0 ? colOf('level2') : 0]);
      }
      item.name = name;
      const anchor = nameCell ?? row[Math.max(0, colOf('name'))];
      this.mark(p('name'), anchor);
      this.mark(ptr('indicators', i), anchor);
      const pts = this.num(numCells.points ?? get('points'), p('points'));
      if (pts !== undefined) item.points = pts;
      else if (get('points')) this.mark(p('points'), get('points')!);
      for (const [k, t] of Object.entries(texts)) {
        item[k] = t;
        this.mark(p(k), get(k as IndicatorField)!);
      }
      const rep = jixiao ? numCells.reportedScore : numCells.score;
      if (rep) {
        const v = this.num(rep, p('reportedScore'));
        if (v !== undefined) item.reportedScore = v;
      }
      if (numCells.manualScore) {
        const v = this.num(numCells.manualScore, p('manualScore'));
        if (v !== undefined) item.manualScore = v;
      }
      if (numCells.deduction) {
        const v = this.num(numCells.deduction, p('deduction'));
        if (v !== undefined) item.deduction = v;
      }
      const costFlag = this.flag(get('isDefaultCostRow'), p('isDefaultCostRow'));
      if (costFlag !== undefined) item.isDefaultCostRow = costFlag;
      list.push(orderIndicator(item));
    }
    form.indicators = list;
    if (list.length === 0) this.note('IMPORT_FORM_INCOMPLETE', rows[header][0], { field: '三级指标' }, '/indicators');
    return { end: r, totalRow, reportedCol: jixiao ? colOf('reportedScore') : -1, scoreCol: colOf('score'), layout, jixiao };
  }

  /**
   * Cells of row r in the columns the form has no field for: each one with content becomes
   * IMPORT_CELL_IGNORED, unless it continues a merge (from a mapped cell, the header, a cell to
   * its left or a row above), which is said where it starts or not at all.
   */
  private ignoredCells(r: number, header: number, unmapped: Map<number, string>, mappedCols: Iterable<number>): void {
    const row = this.g.cells[r];
    const mapped = new Set([...mappedCols].map((c) => row[c].master));
    for (const [c, h] of unmapped) {
      const cell = row[c];
      if (cell.text.trim() === '' || mapped.has(cell.master) || cell.master === this.g.cells[header][c].master) continue;
      if (cell.master !== cell.address && (rowCol(cell.master).r !== r || (c > 0 && row[c - 1].master === cell.master))) continue;
      if (clean(h) === '') this.ignored(cell, 'noHeader');
      else this.ignored(cell, 'column', h);
    }
  }

  /**
   * The role of a row under the indicator header, by layout: a label cell of its own left of the
   * first field column, or a cell merged across the 三级指标 column, makes it a row of the form's
   * structure (总分, 小计, the analysis block, notes); words inside a name never end the block.
   */
  private rowRole(r: number, shape: IndicatorShape, textOf: (k: IndicatorField) => string): RowRole {
    const row = this.g.cells[r];
    const L = this.labels;
    const labelRole = (texts: string[]): RowRole | null =>
      texts.some((t) => L.scoreTotal(t)) ? 'total' : texts.some((t) => L.indicatorSubtotal(t)) ? 'subtotal' : null;
    const nameCell = shape.nameCol >= 0 ? row[shape.nameCol] : undefined;
    const named = nameCell !== undefined && nameCell.text.trim() !== '';
    const spansLeft = named && rowCol(nameCell.master).c < shape.nameCol;
    const spansRight = named && shape.fieldCols.some((c) => c !== shape.nameCol && row[c].master === nameCell.master);
    const ownLeft = ownMasters(row, r, 0, Math.max(shape.firstField, 0));
    if (spansLeft || spansRight || ownLeft.length > 0) {
      const texts = [...(spansLeft ? [nameCell.text] : []), ...ownMasters(row, r, 0, Math.max(shape.nameCol, 0)).map((m) => m.cell.text)];
      const role = labelRole(texts);
      if (role) return role;
      // A name merged with its 二级 cell, points beside it, is still an indicator.
      return readNumber(textOf('points'), 'points').kind === 'number' && !spansRight ? 'indicator' : 'end';
    }
    const name = textOf('name');
    if (name === '') return labelRole([textOf('level1'), textOf('level2')]) ?? 'indicator';
    // 总分 / 合计 written in the name column itself: a label when the row has no target and no actual.
    if (textOf('target') === '' && textOf('initialTarget') === '' && textOf('actual') === '') return labelRole([name]) ?? 'indicator';
    return 'indicator';
  }

  private readTotal(form: Record<string, unknown>, r: number, reportedCol: number, scoreCol: number): void {
    const row = this.g.cells[r];
    const ms = masters(row).filter((m) => m.cell.text.trim() !== '');
    const li = Math.max(0, ms.findIndex((m) => this.labels.scoreTotal(m.cell.text)));
    let values = ms.slice(li + 1);
    // Central forms print the points total (100) under 分值 and the total under 得分: prefer 得分.
    const under = scoreCol >= 0 ? values.find((m) => m.cell.master === row[scoreCol].master) : undefined;
    if (under && readNumber(under.cell.text.replace(/(优秀|良好|合格|不合格|优|良|中|差)/g, '').trim(), 'points').kind === 'number') {
      values = [under, ...values.filter((m) => m !== under)];
    }
    if (reportedCol >= 0) {
      // A jixiao export: the computed total sits under 分值 / 得分, the filer's under 填报得分.
      const cell = row[reportedCol];
      values = cell && cell.text.trim() !== '' && cell.master === cell.address ? [{ cell, col: reportedCol }] : [];
    }
    for (const { cell } of values) {
      const t = this.text(cell);
      const { total, grade } = splitTotal(t);
      const numberPart = t.replace(/(优秀|良好|合格|不合格|优|良|中|差)/g, '').trim();
      if (total !== undefined && form.reportedTotal === undefined) {
        const v = this.num({ ...cell, text: numberPart.replace(/分$/, '') }, '/reportedTotal');
        if (v !== undefined) form.reportedTotal = v;
      } else if (total === undefined && grade === undefined) {
        this.note('IMPORT_CELL_UNREADABLE', cell, { value: t }, '/reportedTotal');
      }
      if (grade !== undefined && form.reportedGrade === undefined) {
        form.reportedGrade = grade;
        this.mark('/reportedGrade', cell);
      }
    }
  }

  /**
   * The 项目绩效分析 block: each row is a label cell (its own, not a merge continued from above)
   * and the text beside it. Section labels are skipped; anything else becomes IMPORT_ROW_SKIPPED.
   */
  private readAnalysis(form: Record<string, unknown>, from: number, reportedCol: number, scoreCol: number): void {
    const rows = this.g.cells;
    const analysis: Partial<Record<AnalysisKey, string>> = {};
    let inNotes = false;
    for (let r = from; r < rows.length; r++) {
      const own = ownMasters(rows[r], r);
      if (own.length === 0) continue;
      // The notes under the table (and the lines that continue them) and the signature footer.
      const kind = furniture(own[0].cell.text, this.words) ?? (this.labels.remark(own[0].cell.text) ? 'notes' : null);
      if (kind === 'generated') continue; // jixiao's own export, about its computation
      if (kind === 'notes') inNotes = true;
      if (kind !== null || inNotes) {
        for (const m of own) this.ignored(m.cell, kind ?? 'notes');
        continue;
      }
      const cells = own.filter((m) => !this.labels.sections(m.cell.text)).map((m) => m.cell);
      if (cells.length === 0 || this.labels.generated(cells[0].text)) continue;
      if (this.labels.scoreTotal(cells[0].text) && form.reportedTotal === undefined) {
        this.readTotal(form, r, reportedCol, scoreCol);
        continue;
      }
      const key = analysisLabel(cells[0].text, this.labels);
      if (key === null) {
        this.skipped(cells[0], 'notLabel');
        continue;
      }
      const [, value, ...extra] = cells;
      for (const c of extra) this.skipped(c, 'extra');
      if (!value) continue;
      if (analysis[key] !== undefined) {
        this.skipped(value, 'duplicate', ptr('analysis', key));
        continue;
      }
      analysis[key] = this.text(value);
      this.mark(ptr('analysis', key), value);
    }
    if (Object.keys(analysis).length) {
      const out: Partial<Record<AnalysisKey, string>> = {};
      for (const k of ANALYSIS_KEYS) if (analysis[k] !== undefined) out[k] = analysis[k];
      form.analysis = out;
    }
  }
}

const FORM_ORDER = [
  'kind', 'id', 'fiscalYear', 'mofDivCode', 'deptCode', 'deptName', 'agencyCode', 'agencyName', 'proCode', 'proName',
  'moneyUnit', 'funds', 'goals', 'indicators', 'reportedTotal', 'reportedGrade', 'analysis',
];
const ROW_ORDER = ['name', 'foundTypeCode', 'isTotal', 'declared', 'initial', 'adjustment', 'budget', 'executed', 'reportedBalance', 'reportedRate', 'reportedScore', 'reason'];
const IND_ORDER = [
  'id', 'level1', 'level1Code', 'level2', 'level2Code', 'name', 'code', 'points', 'initialTarget', 'target', 'operator', 'unit', 'actual', 'reportedScore', 'deviationNote',
  'manualScore', 'deduction', 'deductionReason', 'evalStd',
];

function orderBy(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) out[k] = o[k];
  return out;
}
const order = (o: Record<string, unknown>) => orderBy(o, FORM_ORDER);
const orderRow = (o: Record<string, unknown>) => orderBy(o, ROW_ORDER);
const orderIndicator = (o: Record<string, unknown>) => orderBy(o, IND_ORDER);

const isIndicatorHeader = (r: Row) =>
  rowHas(r, (t) => says(t, 'indicatorName')) && rowHas(r, (t) => says(t, 'indicatorPoints'));

/**
 * The forms of one sheet, as grids of the same size with the rows of the other forms blanked
 * (addresses kept). A second form starts at the last title row (…自评表) or, failing one, the last
 * 项目名称 row above its own indicator header; without either the sheet is one form.
 */
export function splitForms(grid: Grid): Grid[] {
  const headers = grid.cells.flatMap((r, i) => (isIndicatorHeader(r) ? [i] : []));
  const starts = [0];
  for (let k = 1; k < headers.length; k++) {
    const from = headers[k - 1] + 1;
    let start = -1;
    for (const test of [(t: string) => t.length <= 60 && says(t, 'title'), (t: string) => identityLabel(t) === 'proName']) {
      for (let r = headers[k] - 1; r >= from && start < 0; r--) if (ownMasters(grid.cells[r], r).some((m) => test(norm(m.cell.text)))) start = r;
      if (start >= 0) break;
    }
    if (start > starts.at(-1)!) starts.push(start);
  }
  if (starts.length === 1) return [grid];
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? grid.rows;
    const cells = grid.cells.map((row, r) =>
      r >= start && r < end ? row : row.map((c) => ({ address: c.address, master: c.address, text: '', numeric: false, formulaNoResult: false })),
    );
    return { ...grid, cells };
  });
}

/** Read one sheet. null: the sheet holds no form at all (no header words). */
export function readSheet(grid: Grid, opts: SheetOptions = {}): SheetRead | null {
  return new SheetReader(grid, opts).read();
}
