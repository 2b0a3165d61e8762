/**
 * Batch upload: many workbooks (each read by /v1/import) or one NDJSON file, scored by
 * /v1/score/batch as an NDJSON stream; the progress bar follows the answer line by line. Then
 * a summary and the annotated batch workbook (/v1/export with every scored form).
 */
import { useState } from 'preact/hooks';
import { api, call, download, messageOf, readNdjson, type FormJson } from './api.js';
import { ErrorBox, type ErrorState } from './error-box.js';
import { tr } from './i18n.js';

interface Summary {
  lines: number;
  scored: number;
  failed: number;
  byGrade: Record<string, number>;
}

interface Line {
  line: number;
  id: string | null;
  ok: boolean;
  problem?: { detail?: string };
  result?: { total: string; grade: string | null };
}

const MAX_EXPORT = 200;

export function BatchUpload({ onDone }: { onDone: () => void }) {
  const [phase, setPhase] = useState<'idle' | 'reading' | 'scoring' | 'done'>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [summary, setSummary] = useState<Summary | null>(null);
  const [failures, setFailures] = useState<Line[]>([]);
  const [forms, setForms] = useState<(FormJson | null)[]>([]);
  const [okLines, setOkLines] = useState<number[]>([]);
  const [error, setError] = useState<ErrorState | null>(null);

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    setSummary(null);
    setFailures([]);
    setOkLines([]);
    setPhase('reading');
    try {
      const all: string[] = [];
      setProgress({ done: 0, total: files.length });
      for (const [i, f] of files.entries()) {
        if (/\.(ndjson|jsonl|json)$/i.test(f.name)) {
          const text = await f.text();
          const trimmed = text.trim();
          if (/\.json$/i.test(f.name) && trimmed.startsWith('[')) {
            for (const x of JSON.parse(trimmed) as unknown[]) all.push(JSON.stringify(x));
          } else all.push(...text.split(/\r?\n/).filter((l) => l.trim() !== ''));
        } else {
          const out = await api.importXlsx(f);
          for (const s of out.forms) all.push(JSON.stringify(s.form));
        }
        setProgress({ done: i + 1, total: files.length });
      }
      const parsed = all.map((l) => {
        try {
          return JSON.parse(l) as FormJson;
        } catch {
          return null;
        }
      });
      setForms(parsed);
      setPhase('scoring');
      setProgress({ done: 0, total: all.length });
      const res = await call('/v1/score/batch?detail=brief', { method: 'POST', body: all.join('\n') + '\n', type: 'application/x-ndjson' });
      let done = 0;
      const fails: Line[] = [];
      const oks: number[] = [];
      await readNdjson(res, (v) => {
        const o = v as Line & { summary?: Summary };
        if (o.summary) {
          setSummary(o.summary);
          return;
        }
        done++;
        if (o.ok) oks.push(o.line);
        else fails.push(o);
        setProgress({ done, total: all.length });
      });
      setFailures(fails);
      setOkLines(oks);
      setPhase('done');
      onDone();
    } catch (e) {
      setError(messageOf(e));
      setPhase('idle');
    }
  };

  const pct = progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 0;
  return (
    <section aria-labelledby="batch-heading" class="batch">
      <h2 id="batch-heading">{tr('批量评分', 'Batch scoring')}</h2>
      <p class="hint">{tr('选择多个 Excel 工作簿，或一个 NDJSON 文件（每行一张表单）。', 'Choose several workbooks, or one NDJSON file (a form a line).')}</p>
      <input
        id="batch-files"
        class="visually-hidden"
        type="file"
        multiple
        accept=".xlsx,.ndjson,.jsonl,.json"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void start(files);
        }}
      />
      <label for="batch-files" class="button file-button">
        {tr('选择文件进行批量评分', 'Choose files to score')}
      </label>
      {phase !== 'idle' ? (
        <div class="progress-line">
          <label for="batch-progress">
            {phase === 'reading'
              ? tr(`读取文件 ${progress.done} / ${progress.total}`, `Reading files ${progress.done} / ${progress.total}`)
              : tr(`已评分 ${progress.done} / ${progress.total}（${pct}%）`, `Scored ${progress.done} / ${progress.total} (${pct}%)`)}
          </label>
          <progress id="batch-progress" max={progress.total || 1} value={progress.done} aria-valuetext={`${pct}%`} />
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      {summary ? (
        <div class="batch-summary" role="status">
          <p>
            {tr(
              `共 ${summary.lines} 张：评分 ${summary.scored} 张，无法评分 ${summary.failed} 张。`,
              `${summary.lines} forms: ${summary.scored} scored, ${summary.failed} failed.`,
            )}
            {Object.entries(summary.byGrade)
              .map(([g, n]) => `${g === 'none' ? tr('无等级', 'no grade') : g} ${n}`)
              .join('，')}
          </p>
          {failures.length > 0 ? (
            <ul>
              {failures.slice(0, 50).map((f) => (
                <li key={f.line}>
                  {tr(`第 ${f.line} 行`, `Line ${f.line}`)}：{f.problem?.detail ?? ''}
                </li>
              ))}
            </ul>
          ) : null}
          {okLines.length > 0 ? (
            <button
              type="button"
              onClick={() => {
                const good = okLines.map((n) => forms[n - 1]).filter((f): f is FormJson => !!f).slice(0, MAX_EXPORT);
                api.export({ forms: good } as unknown as FormJson, 'xlsx').then(
                  (b) => download(b, tr('批量评分.xlsx', 'batch.xlsx')),
                  (e) => setError(messageOf(e)),
                );
              }}
            >
              {tr('下载批量标注工作簿', 'Download the annotated batch workbook')}
              {okLines.length > MAX_EXPORT ? tr(`（前 ${MAX_EXPORT} 张）`, ` (first ${MAX_EXPORT})`) : ''}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
