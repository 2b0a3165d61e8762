/**
 * A form typed in the page: header, funds rows, goals, indicator rows (added and removed), the
 * filer's total. The state is the form JSON itself; fields the editor has no input for (from a
 * loaded workbook or an earlier version) are kept as they are, never dropped.
 */
import { useState } from 'preact/hooks';
import type { FormJson } from './api.js';
import { tr } from './i18n.js';

type Row = Record<string, unknown>;

export function blankForm(): FormJson {
  return {
    fiscalYear: new Date().getFullYear() - 1,
    mofDivCode: '',
    deptName: '',
    deptCode: '',
    agencyName: '',
    agencyCode: '',
    proName: '',
    moneyUnit: '万元',
    funds: { rows: [{ name: '资金总额', isTotal: true, initial: '', budget: '', executed: '', reportedRate: '', reportedScore: '' }] },
    goals: [{ target: '', completion: '' }],
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '', points: '', target: '', actual: '', reportedScore: '', deviationNote: '' },
    ],
    reportedTotal: '',
    reportedGrade: '',
  };
}

/** Blank strings out: the API reads "" as "not filled in", but a clean body is easier to read back. */
export function cleanForm(form: FormJson): FormJson {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      const o: Row = {};
      for (const [k, x] of Object.entries(v)) if (x !== '' && x !== undefined) o[k] = clean(x);
      return o;
    }
    return v;
  };
  const out = clean(form) as FormJson;
  if (typeof out.fiscalYear === 'string' && /^\d{4}$/.test(out.fiscalYear)) out.fiscalYear = Number(out.fiscalYear);
  return out;
}

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];

const HEAD_FIELDS: [string, () => string][] = [
  ['proName', () => tr('项目名称', 'Project name')],
  ['fiscalYear', () => tr('年度', 'Year')],
  ['mofDivCode', () => tr('财政区划代码', 'Region code')],
  ['deptName', () => tr('主管部门', 'Department')],
  ['deptCode', () => tr('部门代码', 'Department code')],
  ['agencyName', () => tr('实施单位', 'Unit')],
  ['agencyCode', () => tr('单位代码', 'Unit code')],
];

const FUND_FIELDS: [string, () => string][] = [
  ['name', () => tr('资金名称', 'Source')],
  ['initial', () => tr('年初预算数', 'Initial budget')],
  ['budget', () => tr('全年预算数', 'Budget')],
  ['executed', () => tr('全年执行数', 'Executed')],
  ['reportedRate', () => tr('自报执行率%', 'Reported rate %')],
  ['reportedScore', () => tr('自报得分', 'Reported score')],
];

const IND_FIELDS: [string, () => string][] = [
  ['level1', () => tr('一级指标', 'Level 1')],
  ['level2', () => tr('二级指标', 'Level 2')],
  ['name', () => tr('三级指标', 'Indicator')],
  ['points', () => tr('分值', 'Points')],
  ['target', () => tr('年度指标值', 'Target')],
  ['actual', () => tr('实际完成值', 'Actual')],
  ['reportedScore', () => tr('自报得分', 'Reported score')],
  ['deviationNote', () => tr('偏差原因分析', 'Deviation note')],
];

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

interface Props {
  initial: FormJson;
  busy: boolean;
  onScore: (form: FormJson) => void;
}

export function FormEditor({ initial, busy, onScore }: Props) {
  const [form, setForm] = useState<FormJson>(initial);
  const funds = ((form.funds as { rows?: Row[] } | undefined)?.rows ?? []) as Row[];
  const goals = (Array.isArray(form.goals) ? form.goals : []) as Row[];
  const inds = (Array.isArray(form.indicators) ? form.indicators : []) as Row[];

  const set = (k: string, v: unknown) => setForm({ ...form, [k]: v });
  const setFunds = (rows: Row[]) => set('funds', { ...(form.funds as Row), rows });
  const edit = (list: Row[], i: number, k: string, v: string) => list.map((r, j) => (j === i ? { ...r, [k]: v } : r));

  return (
    <form
      class="editor"
      aria-label={tr('填写自评表', 'Fill in a form')}
      onSubmit={(e) => {
        e.preventDefault();
        onScore(cleanForm(form));
      }}
    >
      <fieldset>
        <legend>{tr('基本信息', 'Project')}</legend>
        <div class="grid">
          {HEAD_FIELDS.map(([k, label]) => (
            <label key={k}>
              <span>{label()}</span>
              <input name={k} value={str(form[k])} required={k === 'proName' || k === 'fiscalYear'} onInput={(e) => set(k, e.currentTarget.value)} />
            </label>
          ))}
          <label>
            <span>{tr('金额单位', 'Money unit')}</span>
            <select name="moneyUnit" aria-label={tr('金额单位', 'Money unit')} value={str(form.moneyUnit) || '万元'} onChange={(e) => set('moneyUnit', e.currentTarget.value)}>
              <option value="万元">万元</option>
              <option value="元">元</option>
            </select>
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend>{tr('项目资金', 'Funds')}</legend>
        <div class="rows">
          {funds.map((r, i) => (
            <div class="row" key={i} role="group" aria-label={tr(`资金第${i + 1}行`, `Funds row ${i + 1}`)}>
              {FUND_FIELDS.map(([k, label]) => (
                <label key={k}>
                  <span>{label()}</span>
                  <input
                    name={`funds.${i}.${k}`}
                    inputMode={k === 'name' ? undefined : 'decimal'}
                    value={str(r[k])}
                    onInput={(e) => setFunds(edit(funds, i, k, e.currentTarget.value))}
                  />
                </label>
              ))}
              {funds.length > 1 ? (
                <button type="button" class="secondary" onClick={() => setFunds(funds.filter((_, j) => j !== i))}>
                  {tr(`删除资金第${i + 1}行`, `Remove funds row ${i + 1}`)}
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <button type="button" class="secondary" onClick={() => setFunds([...funds, { name: '', budget: '', executed: '' }])}>
          {tr('添加资金行', 'Add a funds row')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{tr('年度总体目标', 'Annual goals')}</legend>
        {goals.map((g, i) => (
          <div class="row" key={i}>
            <label class="wide">
              <span>{tr('预期目标', 'Target')}</span>
              <textarea name={`goals.${i}.target`} rows={2} value={str(g.target)} onInput={(e) => set('goals', edit(goals, i, 'target', e.currentTarget.value))} />
            </label>
            <label class="wide">
              <span>{tr('实际完成情况', 'Completion')}</span>
              <textarea
                name={`goals.${i}.completion`}
                rows={2}
                value={str(g.completion)}
                onInput={(e) => set('goals', edit(goals, i, 'completion', e.currentTarget.value))}
              />
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>{tr('绩效指标', 'Indicators')}</legend>
        <div class="rows">
          {inds.map((r, i) => (
            <div class="row" key={i} role="group" aria-label={tr(`指标第${i + 1}行`, `Indicator row ${i + 1}`)}>
              {IND_FIELDS.map(([k, label]) => (
                <label key={k}>
                  <span>{label()}</span>
                  {k === 'level1' ? (
                    <select name={`indicators.${i}.${k}`} aria-label={label()} value={str(r[k])} onChange={(e) => set('indicators', edit(inds, i, k, e.currentTarget.value))}>
                      {[...new Set([...LEVEL1, str(r[k])])].filter(Boolean).map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      name={`indicators.${i}.${k}`}
                      inputMode={k === 'points' || k === 'reportedScore' ? 'decimal' : undefined}
                      value={str(r[k])}
                      onInput={(e) => set('indicators', edit(inds, i, k, e.currentTarget.value))}
                    />
                  )}
                </label>
              ))}
              <button type="button" class="secondary" onClick={() => set('indicators', inds.filter((_, j) => j !== i))}>
                {tr(`删除指标第${i + 1}行`, `Remove indicator row ${i + 1}`)}
              </button>
            </div>
          ))}
        </div>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const last = inds[inds.length - 1];
            set('indicators', [...inds, { level1: str(last?.level1) || '产出指标', level2: str(last?.level2), name: '', points: '', target: '', actual: '' }]);
          }}
        >
          {tr('添加指标行', 'Add an indicator row')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{tr('自报结果', 'Reported result')}</legend>
        <div class="grid">
          <label>
            <span>{tr('自报总分', 'Reported total')}</span>
            <input name="reportedTotal" inputMode="decimal" value={str(form.reportedTotal)} onInput={(e) => set('reportedTotal', e.currentTarget.value)} />
          </label>
          <label>
            <span>{tr('自报等级', 'Reported grade')}</span>
            <input name="reportedGrade" value={str(form.reportedGrade)} onInput={(e) => set('reportedGrade', e.currentTarget.value)} />
          </label>
        </div>
      </fieldset>
      <button type="submit" class="primary" disabled={busy}>
        {tr('校验评分', 'Check and score')}
      </button>
    </form>
  );
}
