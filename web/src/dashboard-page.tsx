/**
 * The dashboard (department and bureau keys): the year's submissions as a sortable, filterable
 * table; grades per department as a chart (ECharts, loaded on this page only) with its data
 * table; the biggest gaps between reported and computed totals; the disclosure paragraph; a
 * batch upload whose progress follows the streamed NDJSON answer.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, copyText, listAll, messageOf, type Session, type SubmissionHead } from './api.js';
import { BatchUpload } from './batch-upload.js';
import { absDec, cmpDec, subDec } from './dec.js';
import { ErrorBox, type ErrorState } from './error-box.js';
import { tr } from './i18n.js';

type Counts = { errors: number; warnings: number } | null;
type SortKey = 'dept' | 'unit' | 'project' | 'amount' | 'total' | 'grade' | 'reported' | 'errors' | 'warnings' | 'status';

const GRADES = ['优', '良', '中', '差'];

const statusName = (s: string | undefined) => (s === 'needs_review' ? tr('需复核', 'needs review') : s === 'scored' ? tr('已评分', 'scored') : (s ?? ''));

export function DashboardPage({ session }: { session: Session }) {
  const [year, setYear] = useState<string>('');
  const [items, setItems] = useState<SubmissionHead[] | null>(null);
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const [error, setError] = useState<ErrorState | null>(null);
  const [filter, setFilter] = useState('');
  const [grade, setGrade] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'dept', desc: false });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    setItems(null);
    listAll(year ? `year=${year}` : '').then(
      (list) => {
        setItems(list);
        void loadCounts(list, setCounts);
      },
      (e) => setError(messageOf(e)),
    );
  }, [year, reload]);

  const years = useMemo(() => [...new Set((items ?? []).map((s) => s.fiscalYear))].sort((a, b) => b - a), [items]);

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const list = (items ?? []).filter((s) => {
      if (grade && (s.score?.grade ?? '') !== grade) return false;
      if (!q) return true;
      return [s.deptName, s.deptCode, s.agencyName, s.agencyCode, s.proName].some((v) => (v ?? '').toLowerCase().includes(q));
    });
    const key = (s: SubmissionHead): string | number | null => {
      switch (sort.key) {
        case 'dept':
          return s.deptName ?? s.deptCode;
        case 'unit':
          return s.agencyName ?? s.agencyCode;
        case 'project':
          return s.proName;
        case 'grade':
          return GRADES.indexOf(s.score?.grade ?? '');
        case 'status':
          return s.score?.status ?? '';
        case 'errors':
          return counts[s.id]?.errors ?? -1;
        case 'warnings':
          return counts[s.id]?.warnings ?? -1;
        default:
          return null;
      }
    };
    const dec = (s: SubmissionHead) => (sort.key === 'amount' ? s.score?.budgetWan : sort.key === 'total' ? s.score?.total : s.score?.reportedTotal);
    const cmp = (a: SubmissionHead, b: SubmissionHead) => {
      if (sort.key === 'amount' || sort.key === 'total' || sort.key === 'reported') return cmpDec(dec(a), dec(b));
      const x = key(a);
      const y = key(b);
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
    };
    return [...list].sort((a, b) => (sort.desc ? -cmp(a, b) : cmp(a, b)));
  }, [items, filter, grade, sort, counts]);

  const byDept = useMemo(() => {
    const m = new Map<string, number[]>();
    for (const s of items ?? []) {
      const d = s.deptName ?? s.deptCode;
      const c = m.get(d) ?? GRADES.map(() => 0);
      const g = GRADES.indexOf(s.score?.grade ?? '');
      if (g >= 0) c[g]!++;
      m.set(d, c);
    }
    return m;
  }, [items]);

  const gaps = useMemo(
    () =>
      (items ?? [])
        .map((s) => ({ s, gap: subDec(s.score?.reportedTotal, s.score?.total) }))
        .filter((x): x is { s: SubmissionHead; gap: string } => x.gap !== null && cmpDec(absDec(x.gap), '0') > 0)
        .sort((a, b) => cmpDec(absDec(b.gap), absDec(a.gap)))
        .slice(0, 10),
    [items],
  );

  const th = (k: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort({ key: k, desc: sort.key === k ? !sort.desc : false })}>
        {label}
        <span aria-hidden="true">{sort.key === k ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );

  return (
    <div class="page dashboard">
      <h1>{session.role === 'bureau' ? tr('财政部门看板', 'Bureau dashboard') : tr('主管部门看板', 'Department dashboard')}</h1>
      {error ? <ErrorBox error={error} /> : null}
      <div class="controls">
        <label>
          <span>{tr('年度', 'Year')}</span>
          <select aria-label={tr('年度', 'Year')} value={year} onChange={(e) => setYear(e.currentTarget.value)}>
            <option value="">{tr('全部年度', 'All years')}</option>
            {[...new Set([...years, ...(year ? [Number(year)] : [])])].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('筛选（部门、单位或项目）', 'Filter (department, unit, project)')}</span>
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <label>
          <span>{tr('计算等级', 'Grade')}</span>
          <select aria-label={tr('计算等级', 'Grade')} value={grade} onChange={(e) => setGrade(e.currentTarget.value)}>
            <option value="">{tr('全部', 'All')}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section aria-labelledby="subs-heading">
        <h2 id="subs-heading">{tr('自评表', 'Submissions')}</h2>
        {items === null ? (
          <p>{tr('正在读取…', 'Loading…')}</p>
        ) : (
          <div class="table-scroll" tabIndex={0} role="region" aria-label={tr('自评表列表（可横向滚动）', 'Submissions (scrolls sideways)')}>
            <table class="data subs-table">
              <caption>{tr(`共 ${rows.length} 张（总计 ${items.length} 张）`, `${rows.length} shown of ${items.length}`)}</caption>
              <thead>
                <tr>
                  {th('dept', tr('部门', 'Department'))}
                  {th('unit', tr('单位', 'Unit'))}
                  {th('project', tr('项目', 'Project'))}
                  {th('amount', tr('金额（万元）', 'Amount (万元)'))}
                  {th('total', tr('计算总分', 'Total'))}
                  {th('grade', tr('等级', 'Grade'))}
                  {th('reported', tr('自报总分', 'Reported'))}
                  {th('errors', tr('错误', 'Errors'))}
                  {th('warnings', tr('警告', 'Warnings'))}
                  {th('status', tr('状态', 'Status'))}
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <td>{s.deptName ?? s.deptCode}</td>
                    <td>{s.agencyName ?? s.agencyCode}</td>
                    <td>{s.proName}</td>
                    <td class="num">{s.score?.budgetWan ?? ''}</td>
                    <td class="num">{s.score?.total ?? ''}</td>
                    <td>{s.score?.grade ?? ''}</td>
                    <td class="num">{s.score?.reportedTotal ?? ''}</td>
                    <td class="num">{counts[s.id] ? counts[s.id]!.errors : '…'}</td>
                    <td class="num">{counts[s.id] ? counts[s.id]!.warnings : '…'}</td>
                    <td>{statusName(s.score?.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{tr('各部门等级分布', 'Grades by department')}</h2>
        <GradeChart byDept={byDept} />
        <div class="table-scroll" tabIndex={0} role="region" aria-label={tr('等级分布数据表', 'Grade distribution data')}>
          <table class="data grade-table">
            <caption>{tr('等级分布（项目数）', 'Grade distribution (projects)')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('部门', 'Department')}</th>
                {GRADES.map((g) => (
                  <th scope="col" key={g}>
                    {g}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...byDept].map(([d, c]) => (
                <tr key={d}>
                  <th scope="row">{d}</th>
                  {c.map((n, i) => (
                    <td class="num" key={i}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{tr('自报与计算总分差距最大的项目', 'Biggest gaps between reported and computed totals')}</h2>
        {gaps.length === 0 ? (
          <p>{tr('没有自报总分与计算总分不一致的项目。', 'No project reports a total other than the computed one.')}</p>
        ) : (
          <ol class="gaps">
            {gaps.map(({ s, gap }) => (
              <li key={s.id}>
                {s.agencyName ?? s.agencyCode}“{s.proName}”：{tr('自报', 'reported')} {s.score?.reportedTotal}，{tr('计算', 'computed')} {s.score?.total}，
                {tr('相差', 'gap')} {gap}
              </li>
            ))}
          </ol>
        )}
      </section>

      <Disclosure items={items ?? []} year={year} />

      <BatchUpload onDone={() => undefined} />
      <p class="hint">
        <button type="button" class="secondary" onClick={() => setReload(reload + 1)}>
          {tr('刷新列表', 'Reload the list')}
        </button>
      </p>
    </div>
  );
}

/** Errors and warnings of each row's current score: read from its version, a few at a time. */
async function loadCounts(list: SubmissionHead[], set: (f: (c: Record<string, Counts>) => Record<string, Counts>) => void) {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const s = list[next++]!;
      try {
        const v = await api.version(s.id, s.currentVersion);
        const snap = v.snapshots[v.snapshots.length - 1];
        const c = snap ? { errors: snap.result.summary.errors, warnings: snap.result.summary.warnings } : null;
        set((old) => ({ ...old, [s.id]: c }));
      } catch {
        set((old) => ({ ...old, [s.id]: null }));
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

function GradeChart({ byDept }: { byDept: Map<string, number[]> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!ref.current || byDept.size === 0) return;
    let dispose: (() => void) | null = null;
    let live = true;
    const departments = [...byDept.keys()];
    const counts = GRADES.map((_, g) => departments.map((d) => byDept.get(d)![g]!));
    const description = departments
      .map((d, i) => `${d}：${GRADES.map((g, k) => `${g}${counts[k]![i]}个`).join('，')}`)
      .join('；');
    import('./chart.js').then(
      (m) => {
        if (live && ref.current)
          dispose = m.drawGradeChart(ref.current, {
            departments,
            grades: GRADES,
            counts,
            title: tr('各部门自评等级分布', 'Grades by department'),
            yName: tr('项目数', 'Projects'),
            description: tr(`各部门自评等级分布。${description}。`, `Grades by department. ${description}.`),
          });
      },
      () => setFailed(true),
    );
    return () => {
      live = false;
      dispose?.();
    };
  }, [byDept]);
  if (byDept.size === 0) return <p>{tr('还没有可统计的自评表。', 'Nothing to chart yet.')}</p>;
  return (
    <>
      <div ref={ref} class="chart" role="img" aria-label={tr('各部门自评等级分布图（数据见下表）', 'Grade chart (data in the table below)')} />
      {failed ? <p class="error-inline">{tr('图表加载失败，数据见下表。', 'The chart failed to load; see the table.')}</p> : null}
    </>
  );
}

function Disclosure({ items, year }: { items: SubmissionHead[]; year: string }) {
  const units = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of items) m.set(s.agencyCode, s.agencyName ?? s.agencyCode);
    return [...m];
  }, [items]);
  const years = useMemo(() => [...new Set(items.map((s) => s.fiscalYear))].sort((a, b) => b - a), [items]);
  const [unit, setUnit] = useState('');
  const [y, setY] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<ErrorState | null>(null);
  const [note, setNote] = useState('');
  const theUnit = unit || units[0]?.[0] || '';
  const theYear = y || year || String(years[0] ?? '');
  return (
    <section aria-labelledby="disclosure-heading">
      <h2 id="disclosure-heading">{tr('决算公开段落', 'Disclosure paragraph')}</h2>
      <div class="controls">
        <label>
          <span>{tr('单位', 'Unit')}</span>
          <select aria-label={tr('单位', 'Unit')} value={theUnit} onChange={(e) => setUnit(e.currentTarget.value)}>
            {units.map(([c, n]) => (
              <option key={c} value={c}>
                {n}（{c}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('年度', 'Year')}</span>
          <input value={theYear} inputMode="numeric" onInput={(e) => setY(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          disabled={!theUnit || !/^\d{4}$/.test(theYear)}
          onClick={() => {
            setError(null);
            api.disclosure(Number(theYear), theUnit).then(
              (d) => setText(d.paragraph),
              (e) => setError(messageOf(e)),
            );
          }}
        >
          {tr('生成段落', 'Write the paragraph')}
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {text !== null ? (
        <div class="narrative">
          <label for="disclosure-text">{tr('预算绩效管理工作开展情况', 'Performance management paragraph')}</label>
          <textarea id="disclosure-text" readOnly rows={5} value={text} />
          <button type="button" onClick={() => void copyText(text).then((ok) => setNote(ok ? tr('已复制。', 'Copied.') : tr('请手动选择并复制。', 'Select and copy it by hand.')))}>
            {tr('复制段落', 'Copy the paragraph')}
          </button>
          <span role="status">{note}</span>
        </div>
      ) : null}
    </section>
  );
}
