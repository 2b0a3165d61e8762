/**
 * Score a form (every role): drop or choose an .xlsx / .json, or fill a blank form; choose the
 * policy; read the result in the official layout; download the annotated workbook or the
 * printable HTML, copy the 综述; submit it (unit key, idempotent).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, copyText, download, messageOf, newKey, type FormJson, type ImportedForm, type PolicySummary, type ScoreResult, type Session } from './api.js';
import { ErrorBox, type ErrorState } from './error-box.js';
import { blankForm, FormEditor } from './form-editor.js';
import { tr } from './i18n.js';
import { ResultView } from './result-view.js';

export interface Scored {
  form: FormJson;
  result: ScoreResult;
  cells: Record<string, string> | null;
  /** Sheets of the workbook it came from (to choose another). */
  sheets: ImportedForm[] | null;
  name: string;
}

interface Props {
  session: Session | null;
  /** A form to load into the editor (from "correct and resubmit"). */
  load: { form: FormJson; seq: number } | null;
}

export function ScorePage({ session, load }: Props) {
  const [policies, setPolicies] = useState<PolicySummary[]>([]);
  const [policy, setPolicy] = useState('');
  const [mode, setMode] = useState<'upload' | 'fill'>('upload');
  const [editorSeed, setEditorSeed] = useState<{ form: FormJson; seq: number }>({ form: blankForm(), seq: 0 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorState | null>(null);
  const [scored, setScored] = useState<Scored | null>(null);
  const [narrative, setNarrative] = useState<string | null>(null);
  const [note, setNote] = useState<string>('');
  const [submitState, setSubmitState] = useState<{ key: string; busy: boolean; done: string | null }>({ key: newKey(), busy: false, done: null });
  const fileRef = useRef<HTMLInputElement>(null);
  const [drag, setDrag] = useState(false);

  useEffect(() => {
    api.policies().then((p) => setPolicies(p.policies), (e) => setError(messageOf(e)));
  }, []);
  useEffect(() => {
    if (!load) return;
    setMode('fill');
    setEditorSeed({ form: load.form, seq: load.seq });
    setScored(null);
  }, [load]);
  useEffect(() => {
    if (scored && typeof performance !== 'undefined') {
      performance.mark('jx-rendered');
      try {
        performance.measure('jx-first-render', 'jx-response', 'jx-rendered');
      } catch {
        /* no response mark (an imported form shown again) */
      }
    }
  }, [scored]);

  const show = (s: Scored) => {
    performance.mark('jx-response');
    setScored(s);
    setNarrative(null);
    setNote('');
    setSubmitState({ key: newKey(), busy: false, done: null });
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const scoreForm = (form: FormJson, name: string, extra: Partial<Scored> = {}, pol = policy) =>
    run(async () => {
      const result = await api.score(form, pol);
      show({ form, result, cells: null, sheets: null, name, ...extra });
    });

  const pickSheet = (sheets: ImportedForm[], i: number, name: string, pol = policy) => {
    const s = sheets[i]!;
    if (!s.result) {
      setScored(null);
      setError({
        detail: tr(`工作表“${s.sheet}”无法评分：共 ${s.problems?.length ?? 0} 个问题`, `Sheet "${s.sheet}" cannot be scored: ${s.problems?.length ?? 0} problems`),
        errors: (s.problems ?? []).map((p) => p.message + (p.cell ? `（${p.cell}）` : '')),
      });
      return;
    }
    if (pol) return scoreForm(s.form, name, { cells: s.cells, sheets }, pol);
    show({ form: s.form, result: s.result, cells: s.cells, sheets, name });
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const name = file.name.replace(/\.(xlsx|json)$/i, '');
    if (/\.json$/i.test(file.name) || file.type === 'application/json') {
      void run(async () => {
        let form: FormJson;
        try {
          form = JSON.parse(await file.text()) as FormJson;
        } catch {
          throw new Error(tr('JSON 格式有误，请检查后重试。', 'The JSON is malformed; check it and try again.'));
        }
        const result = await api.score(form, policy);
        show({ form, result, cells: null, sheets: null, name });
      });
      return;
    }
    void run(async () => {
      const out = await api.importXlsx(file);
      if (out.forms.length === 0) throw new Error(tr('工作簿中没有读到自评表。', 'No form was found in the workbook.'));
      await pickSheet(out.forms, 0, name);
    });
  };

  const rescoreWith = (pol: string) => {
    setPolicy(pol);
    if (!scored) return;
    if (!pol && scored.sheets) {
      const i = scored.sheets.findIndex((s) => s.form === scored.form);
      return pickSheet(scored.sheets, Math.max(0, i), scored.name, pol);
    }
    return scoreForm(scored.form, scored.name, { cells: scored.cells, sheets: scored.sheets }, pol);
  };

  const isUnit = session?.role === 'unit';

  return (
    <div class="page score-page">
      <h1>{tr('自评表校验评分', 'Score a self-evaluation form')}</h1>
      <p class="lead">
        {tr(
          '上传自评表（Excel 工作簿或 JSON），或在下方填写，即可看到按官方表样排列的计算结果：执行率及其得分、每个指标的得分与问题。',
          'Upload a form (an Excel workbook or JSON), or fill one in below, to see it scored in the official layout.',
        )}
      </p>

      <div class="controls">
        <div class="tabs" role="radiogroup" aria-label={tr('表单来源', 'Where the form comes from')}>
          <label class={`tab${mode === 'upload' ? ' on' : ''}`}>
            <input type="radio" name="mode" value="upload" checked={mode === 'upload'} onChange={() => setMode('upload')} />
            {tr('上传文件', 'Upload a file')}
          </label>
          <label class={`tab${mode === 'fill' ? ' on' : ''}`}>
            <input type="radio" name="mode" value="fill" checked={mode === 'fill'} onChange={() => setMode('fill')} />
            {tr('在线填写', 'Fill in')}
          </label>
        </div>
        <label class="policy-pick">
          <span>{tr('评分政策', 'Scoring policy')}</span>
          <select aria-label={tr('评分政策', 'Scoring policy')} value={policy} onChange={(e) => void rescoreWith(e.currentTarget.value)} disabled={busy}>
            <option value="">{tr('按表单的区划与年度自动选择', "The one in force for the form's region and year")}</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.id}）
              </option>
            ))}
          </select>
        </label>
      </div>

      {mode === 'upload' ? (
        <div
          class={`drop${drag ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDrag(true);
          }}
          onDragLeave={() => setDrag(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDrag(false);
            onFile(e.dataTransfer?.files[0]);
          }}
        >
          <input
            ref={fileRef}
            id="form-file"
            class="visually-hidden"
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              onFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
          <label for="form-file" class="button primary file-button">
            {tr('选择自评表文件（.xlsx 或 .json）', 'Choose a form file (.xlsx or .json)')}
          </label>
          <p class="hint">{tr('也可以把文件拖到这里。支持各地常见表样（山西、四川、中央部门等）。', 'Or drop the file here. Common regional layouts are read.')}</p>
        </div>
      ) : (
        <FormEditor key={editorSeed.seq} initial={editorSeed.form} busy={busy} onScore={(f) => void scoreForm(f, String(f.proName ?? 'form'))} />
      )}

      <div class="busy-line" aria-live="polite">
        {busy ? tr('正在评分…', 'Scoring…') : ''}
      </div>
      {error ? <ErrorBox error={error} /> : null}

      {scored ? (
        <>
          <div class="actions" role="toolbar" aria-label={tr('对评分结果的操作', 'Actions on the result')}>
            {scored.sheets && scored.sheets.length > 1 ? (
              <label>
                <span>{tr('工作表', 'Sheet')}</span>
                <select
                  aria-label={tr('工作表', 'Sheet')}
                  onChange={(e) => void pickSheet(scored.sheets!, Number(e.currentTarget.value), scored.name)}
                  value={String(Math.max(0, scored.sheets.findIndex((s) => s.form === scored.form)))}
                >
                  {scored.sheets.map((s, i) => (
                    <option key={i} value={String(i)}>
                      {s.sheet}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button
              type="button"
              onClick={() => void run(async () => download(await api.export(scored.form, 'xlsx'), `${scored.name}-评分.xlsx`))}
              disabled={busy}
            >
              {tr('下载标注后的工作簿', 'Download the annotated workbook')}
            </button>
            <button
              type="button"
              onClick={() => void run(async () => download(await api.export(scored.form, 'html'), `${scored.name}-评分.html`))}
              disabled={busy}
            >
              {tr('下载可打印页面', 'Download the printable page')}
            </button>
            <button type="button" onClick={() => void run(async () => setNarrative((await api.narrative(scored.form)).text))} disabled={busy}>
              {tr('生成综述', 'Write the summary')}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditorSeed({ form: scored.form, seq: editorSeed.seq + 1 });
                setMode('fill');
              }}
            >
              {tr('在页面中修改此表', 'Edit this form here')}
            </button>
            {isUnit ? (
              <button
                type="button"
                class="primary"
                disabled={submitState.busy}
                onClick={() => {
                  if (submitState.busy) return;
                  const key = submitState.key;
                  setSubmitState({ ...submitState, busy: true });
                  api.submit(scored.form, key).then(
                    (r) => {
                      const msg = r.created
                        ? tr(`已提交：第 ${r.version} 版，计算总分 ${r.score.total}（${r.score.grade ?? '—'}）。`, `Submitted: version ${r.version}, ${r.score.total} (${r.score.grade ?? '—'}).`)
                        : tr(`内容与第 ${r.version} 版相同，未生成新版本。`, `Same as version ${r.version}; no new version.`);
                      setSubmitState({ key, busy: false, done: msg });
                    },
                    (e) => {
                      setSubmitState({ key, busy: false, done: null });
                      setError(messageOf(e));
                    },
                  );
                }}
              >
                {tr('提交此表', 'Submit this form')}
              </button>
            ) : (
              <span class="hint">{tr('登录单位密钥后可提交。', 'Sign in with a unit key to submit.')}</span>
            )}
          </div>
          {submitState.done ? (
            <p class="ok" role="status">
              {submitState.done}
            </p>
          ) : null}
          {narrative !== null ? (
            <div class="narrative">
              <label for="narrative-text">{tr('项目绩效自评综述', 'Summary paragraph')}</label>
              <textarea id="narrative-text" readOnly rows={6} value={narrative} />
              <button type="button" onClick={() => void copyText(narrative).then((ok) => setNote(ok ? tr('已复制。', 'Copied.') : tr('请手动选择并复制。', 'Select and copy it by hand.')))}>
                {tr('复制综述', 'Copy the summary')}
              </button>
              <span role="status">{note}</span>
            </div>
          ) : null}
          <ResultView result={scored.result} form={scored.form} cells={scored.cells} />
        </>
      ) : (
        <div class="placeholder">{tr('评分结果将显示在这里。', 'The result will appear here.')}</div>
      )}
    </div>
  );
}
