/**
 * A scored form in the official layout of the 项目支出绩效自评表: header, funds block (执行率 and
 * its points), goals, the 一级 / 二级 / 三级 indicator tree as one table with merged cells, the
 * total and the grade. The filer's value and the computed one stand side by side (the computed
 * one marked where they differ); every finding sits on its cell (colour by severity, a [n] marker,
 * its message on hover and in the numbered list below; a click on the list scrolls to the cell).
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Finding, FormJson, ScoreResult } from './api.js';
import { sameDec } from './dec.js';
import { SEVERITY_NAMES, tr } from './i18n.js';
import { placeFindings } from './place.js';
import { spanRows } from './span.js';

const SEV_ORDER = { error: 0, warning: 1, info: 2 } as const;

interface Props {
  result: ScoreResult;
  /** The form as sent (for the columns the result does not echo: 年初预算数, notes, goals). */
  form?: FormJson | null;
  /** JSON pointer → Excel cell, when the form came from a workbook. */
  cells?: Record<string, string> | null;
}

interface Placed {
  n: number;
  finding: Finding;
  cell: string;
}

/** The table's cells and the pointers each shows, in one place (the same keys as <Cell id>). */
function cellMap(result: ScoreResult, form: FormJson | null | undefined): Map<string, string[]> {
  const m = new Map<string, string[]>();
  m.set('pro', ['', '/proName', '/proCode', '/fiscalYear', '/id', '/moneyUnit', '/analysis']);
  m.set('dept', ['/deptName', '/deptCode', '/mofDivCode']);
  m.set('agency', ['/agencyName', '/agencyCode']);
  m.set('funds', ['/funds']);
  m.set('funds-points', ['/funds/points']);
  result.funds.rows.forEach((r) => {
    const p = r.pointer;
    m.set(`${p}:name`, [p, `${p}/name`, `${p}/foundTypeCode`, `${p}/isTotal`]);
    m.set(`${p}:initial`, [`${p}/initial`, `${p}/declared`, `${p}/adjustment`]);
    m.set(`${p}:budget`, [`${p}/budget`]);
    m.set(`${p}:executed`, [`${p}/executed`]);
    m.set(`${p}:rrate`, [`${p}/reportedRate`, `${p}/reportedBalance`]);
    m.set(`${p}:rscore`, [`${p}/reportedScore`]);
  });
  m.set('goals', ['/goals']);
  const goals = Array.isArray(form?.goals) ? form.goals : [];
  goals.forEach((_g, i) => {
    m.set(`/goals/${i}:target`, [`/goals/${i}`, `/goals/${i}/target`]);
    m.set(`/goals/${i}:completion`, [`/goals/${i}/completion`]);
  });
  m.set('indicators', ['/indicators']);
  for (const r of spanRows(result.indicators)) {
    const p = r.item.pointer;
    if (r.l1Span > 0) m.set(`${p}:l1`, result.indicators.slice(r.index, r.index + r.l1Span).map((x) => `${x.pointer}/level1`));
    if (r.l2Span > 0) m.set(`${p}:l2`, result.indicators.slice(r.index, r.index + r.l2Span).map((x) => `${x.pointer}/level2`));
    m.set(`${p}:name`, [p, `${p}/name`, `${p}/level1Code`, `${p}/level2Code`, `${p}/level3Code`, `${p}/isDefaultCostRow`]);
    m.set(`${p}:target`, [`${p}/target`, `${p}/initialTarget`, `${p}/operator`, `${p}/unit`, `${p}/evalStd`]);
    m.set(`${p}:actual`, [`${p}/actual`]);
    m.set(`${p}:points`, [`${p}/points`]);
    m.set(`${p}:rscore`, [`${p}/reportedScore`]);
    m.set(`${p}:score`, [`${p}/manualScore`, `${p}/deduction`, `${p}/deductionReason`]);
    m.set(`${p}:note`, [`${p}/deviationNote`]);
  }
  m.set('rtotal', ['/reportedTotal']);
  m.set('grade', ['/reportedGrade']);
  return m;
}

function makeCell(byCell: Map<string, Placed[]>) {
  return function Cell(p: { k: string; children?: ComponentChildren; head?: boolean; span?: number; rows?: number; hint?: string; cls?: string }) {
    const here = byCell.get(p.k) ?? [];
    const worst = here.reduce<Finding['severity'] | null>((w, x) => (w === null || SEV_ORDER[x.finding.severity] < SEV_ORDER[w] ? x.finding.severity : w), null);
    const title = [p.hint, ...here.map((x) => `[${x.n}] ${x.finding.message}`)].filter(Boolean).join('\n');
    const cls = [p.cls, worst ? `sev sev-${worst}` : ''].filter(Boolean).join(' ') || undefined;
    const props = {
      id: cellId(p.k),
      class: cls,
      colSpan: p.span,
      rowSpan: p.rows,
      title: title || undefined,
      tabIndex: here.length > 0 || p.hint ? 0 : -1,
      'aria-describedby': here.length > 0 ? here.map((x) => `finding-${x.n}`).join(' ') : undefined,
    };
    const marks = here.map((x) => (
      <sup class={`mark mark-${x.finding.severity}`} key={x.n}>
        [{x.n}]
      </sup>
    ));
    return p.head ? (
      <th scope="row" {...props}>
        {p.children}
        {marks}
      </th>
    ) : (
      <td {...props}>
        {p.children}
        {marks}
      </td>
    );
  };
}

export const cellId = (key: string) => 'cell-' + key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export function ResultView({ result, form, cells }: Props) {
  const placed = useMemo(() => {
    const keys = cellMap(result, form);
    const owners = placeFindings(keys, result.findings.map((f) => f.pointer));
    const list: Placed[] = result.findings
      .map((finding, i) => ({ finding, cell: owners[i] || 'pro', i }))
      .sort((a, b) => SEV_ORDER[a.finding.severity] - SEV_ORDER[b.finding.severity] || a.i - b.i)
      .map((x, k) => ({ n: k + 1, finding: x.finding, cell: x.cell }));
    const byCell = new Map<string, Placed[]>();
    for (const p of list) byCell.set(p.cell, [...(byCell.get(p.cell) ?? []), p]);
    return { list, byCell };
  }, [result, form]);

  const C = useMemo(() => makeCell(placed.byCell), [placed]);

  const f = result.funds;
  const formRows = (Array.isArray((form?.funds as { rows?: unknown })?.rows) ? (form!.funds as { rows: FormJson[] }).rows : []) as FormJson[];
  const formInds = (Array.isArray(form?.indicators) ? form!.indicators : []) as FormJson[];
  const goals = (Array.isArray(form?.goals) ? form!.goals : []) as FormJson[];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const totalDiffers = result.reported.total !== null && !sameDec(result.reported.total, result.total);
  const provisional = result.provisional || result.status === 'needs_review';
  const unitWord = f.moneyUnit || '万元';

  const goTo = (p: Placed) => {
    const el = document.getElementById(cellId(p.cell));
    if (!el) return;
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'auto' });
    el.focus({ preventScroll: true });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  };

  return (
    <section class="result" aria-labelledby="result-heading">
      <h2 id="result-heading">{tr('评分结果', 'Result')}</h2>
      <div class={`total-box${provisional ? ' provisional' : ''}`} role="status">
        <p class="total-line">
          {tr('计算总分', 'Computed total')} <strong class="total">{result.total}</strong>
          {result.grade ? (
            <>
              {tr('（', ' (')}
              <strong class="grade">{result.grade}</strong>
              {tr('）', ')')}
            </>
          ) : null}
          {result.reported.total !== null ? (
            <span class={totalDiffers ? 'differs' : ''}>
              {tr('，自报总分', ', reported')} {result.reported.total}
              {result.reported.grade ? `（${result.reported.grade}）` : ''}
            </span>
          ) : null}
          {tr(`，发现 ${result.findings.length} 个问题`, `, ${result.findings.length} findings`)}
          {result.summary.errors > 0 ? tr(`（其中错误 ${result.summary.errors} 个）`, ` (${result.summary.errors} errors)`) : ''}
          {tr('。', '.')}
        </p>
        {provisional ? (
          <p class="provisional-note">
            <strong>{tr('暂定', 'Provisional')}</strong>
            {tr('：本表有需人工复核的内容，总分与等级为暂定。', ': parts of this form need review; the total and grade are provisional.')}
          </p>
        ) : null}
        <p class="explain">{result.explanation.total}</p>
        <p class="explain">{result.explanation.grade}</p>
        <p class="policy">
          {tr('评分政策', 'Policy')}：{result.policy.name}（{result.policy.id} {result.policy.version}）
        </p>
      </div>

      <div class="table-scroll" tabIndex={0} role="region" aria-label={tr('自评表（可横向滚动）', 'The form (scrolls sideways)')}>
        <table class="form-table">
          <caption>
            {tr('项目支出绩效自评表', 'Project expenditure performance self-evaluation')}（{result.form.fiscalYear}
            {tr('年度', '')}）
          </caption>
          <colgroup>
            <col class="c-head" />
            <col span={9} />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">{tr('项目名称', 'Project')}</th>
              <C k="pro" span={9}>
                {result.form.proName}
              </C>
            </tr>
            <tr>
              <th scope="row">{tr('主管部门', 'Department')}</th>
              <C k="dept" span={4}>
                {text(result.form.deptName ?? result.form.deptCode)}
              </C>
              <th scope="row">{tr('实施单位', 'Unit')}</th>
              <C k="agency" span={4}>
                {text(result.form.agencyName ?? result.form.agencyCode)}
              </C>
            </tr>
          </tbody>
          <tbody class="funds-block">
            <tr>
              <C k="funds" head rows={f.rows.length + 1}>
                {tr(`项目资金（${unitWord}）`, `Funds (${unitWord})`)}
              </C>
              <th scope="col">{tr('资金', 'Source')}</th>
              <th scope="col">{tr('年初预算数', 'Initial budget')}</th>
              <th scope="col">{tr('全年预算数', 'Budget')}</th>
              <th scope="col">{tr('全年执行数', 'Executed')}</th>
              <th scope="col">{tr('分值', 'Points')}</th>
              <th scope="col">{tr('执行率（自报）', 'Rate (reported)')}</th>
              <th scope="col">{tr('执行率（计算）', 'Rate (computed)')}</th>
              <th scope="col">{tr('得分（自报）', 'Score (reported)')}</th>
              <th scope="col">{tr('得分（计算）', 'Score (computed)')}</th>
            </tr>
            {f.rows.map((r) => {
              const fr = formRows[r.index] ?? {};
              const scoreHere = r.isTotal || f.rows.length === 1 || (r.score !== null && !f.rows.some((x) => x.isTotal));
              const shownScore = r.score ?? (scoreHere ? f.score : null);
              return (
                <tr key={r.pointer}>
                  <C k={`${r.pointer}:name`}>{r.name}</C>
                  <C k={`${r.pointer}:initial`} cls="num">
                    {text(fr.initial ?? fr.declared)}
                  </C>
                  <C k={`${r.pointer}:budget`} cls="num">
                    {text(r.budget)}
                  </C>
                  <C k={`${r.pointer}:executed`} cls="num">
                    {text(r.executed)}
                  </C>
                  {scoreHere || r.isTotal ? (
                    <C k="funds-points" cls="num">
                      {f.points}
                    </C>
                  ) : (
                    <td class="num" />
                  )}
                  <C k={`${r.pointer}:rrate`} cls="num">
                    {r.reported.rate !== null ? `${r.reported.rate}%` : ''}
                  </C>
                  <td class={`num computed${r.reported.rate !== null && !sameDec(r.reported.rate, r.rate) ? ' differs' : ''}`} title={f.explanation} tabIndex={0}>
                    {r.rate !== null ? `${r.rate}%` : ''}
                  </td>
                  <C k={`${r.pointer}:rscore`} cls="num">
                    {text(r.reported.score)}
                  </C>
                  <td
                    class={`num computed funds-score${r.reported.score !== null && shownScore !== null && !sameDec(r.reported.score, shownScore) ? ' differs' : ''}`}
                    title={f.explanation}
                    tabIndex={0}
                  >
                    {text(shownScore)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          {goals.length > 0 ? (
            <tbody class="goals-block">
              <tr>
                <C k="goals" head rows={goals.length + 1}>
                  {tr('年度总体目标', 'Annual goals')}
                </C>
                <th scope="col" colSpan={4}>
                  {tr('预期目标', 'Target')}
                </th>
                <th scope="col" colSpan={5}>
                  {tr('实际完成情况', 'Completion')}
                </th>
              </tr>
              {goals.map((g, i) => (
                <tr key={i}>
                  <C k={`/goals/${i}:target`} span={4} cls="text">
                    {text(g.target)}
                  </C>
                  <C k={`/goals/${i}:completion`} span={5} cls="text">
                    {text(g.completion)}
                  </C>
                </tr>
              ))}
            </tbody>
          ) : null}
          <tbody class="indicator-block">
            <tr>
              <C k="indicators" head rows={result.indicators.length + 1}>
                {tr('绩效指标', 'Indicators')}
              </C>
              <th scope="col">{tr('一级指标', 'Level 1')}</th>
              <th scope="col">{tr('二级指标', 'Level 2')}</th>
              <th scope="col">{tr('三级指标', 'Indicator')}</th>
              <th scope="col">{tr('年度指标值', 'Target')}</th>
              <th scope="col">{tr('实际完成值', 'Actual')}</th>
              <th scope="col">{tr('分值', 'Points')}</th>
              <th scope="col">{tr('得分（自报）', 'Score (reported)')}</th>
              <th scope="col">{tr('得分（计算）', 'Score (computed)')}</th>
              <th scope="col">{tr('偏差原因分析及改进措施', 'Deviation note')}</th>
            </tr>
            {spanRows(result.indicators).map((r) => {
              const ind = r.item;
              const p = ind.pointer;
              const fi = formInds[ind.index] ?? {};
              const differs = ind.reportedScore !== null && !sameDec(ind.reportedScore, ind.score);
              return (
                <tr key={p} data-row={ind.index}>
                  {r.l1Span > 0 ? (
                    <C k={`${p}:l1`} rows={r.l1Span} cls="l1">
                      {ind.level1}
                    </C>
                  ) : null}
                  {r.l2Span > 0 ? (
                    <C k={`${p}:l2`} rows={r.l2Span} cls="l2">
                      {ind.level2}
                    </C>
                  ) : null}
                  <C k={`${p}:name`} cls="text">
                    {ind.name}
                  </C>
                  <C k={`${p}:target`}>{ind.target.raw}</C>
                  <C k={`${p}:actual`}>{ind.actual.raw}</C>
                  <C k={`${p}:points`} cls="num">
                    {ind.points}
                  </C>
                  <C k={`${p}:rscore`} cls="num">
                    {text(ind.reportedScore)}
                  </C>
                  <C k={`${p}:score`} cls={`num computed ind-score${differs ? ' differs' : ''}`} hint={ind.explanation}>
                    {ind.score}
                    {ind.cap !== null ? <span class="cap">{tr(`（封顶${ind.cap}分）`, ` (capped at ${ind.cap})`)}</span> : null}
                  </C>
                  <C k={`${p}:note`} cls="text">
                    {text(fi.deviationNote)}
                  </C>
                </tr>
              );
            })}
          </tbody>
          <tbody class="total-block">
            <tr>
              <th scope="row" colSpan={6}>
                {tr('总分', 'Total')}
              </th>
              <td class="num">{result.pointsTotal}</td>
              <C k="rtotal" cls="num">
                {text(result.reported.total)}
              </C>
              <C k="total" cls={`num computed total-cell${totalDiffers ? ' differs' : ''}`} hint={result.explanation.total}>
                <strong>{result.total}</strong>
              </C>
              <C k="grade" cls="grade-cell" hint={result.explanation.grade}>
                {tr('等级', 'Grade')}：<strong>{result.grade ?? '—'}</strong>
                {result.reported.grade && result.reported.grade !== result.grade ? tr(`（自报${result.reported.grade}）`, ` (reported ${result.reported.grade})`) : ''}
              </C>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="legend">
        <span class="sev sev-error swatch">{tr('错误', 'error')}</span> <span class="sev sev-warning swatch">{tr('警告', 'warning')}</span>{' '}
        <span class="sev sev-info swatch">{tr('提示', 'note')}</span> <span class="differs swatch">{tr('计算值与自报值不同', 'computed ≠ reported')}</span>
        {tr('。把鼠标停在单元格上可看说明。', '. Hover a cell for its explanation.')}
      </p>

      <h3 id="findings-heading">{tr('发现的问题', 'Findings')}</h3>
      {placed.list.length === 0 ? (
        <p>{tr('没有发现问题。', 'No findings.')}</p>
      ) : (
        <ol class="findings" aria-labelledby="findings-heading">
          {placed.list.map((p) => (
            <li key={p.n} id={`finding-${p.n}`} class={`finding finding-${p.finding.severity}`}>
              <button type="button" class="linklike" onClick={() => goTo(p)}>
                <span class={`badge badge-${p.finding.severity}`}>
                  [{p.n}] {SEVERITY_NAMES[p.finding.severity]!()}
                </span>{' '}
                {p.finding.message}
                {cells?.[p.finding.pointer] || p.finding.cell ? (
                  <span class="where">
                    {tr('（单元格 ', ' (cell ')}
                    {p.finding.cell ?? cells?.[p.finding.pointer]}
                    {tr('）', ')')}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
