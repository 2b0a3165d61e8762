/** A unit's submissions: each project's versions with their scores (grade, findings per version); load one to correct and resubmit. */
import { useEffect, useState } from 'preact/hooks';
import { api, listAll, messageOf, type FormJson, type SubmissionDetail, type SubmissionHead, type VersionDetail } from './api.js';
import { ErrorBox, type ErrorState } from './error-box.js';
import { tr } from './i18n.js';

const statusName = (s: string | undefined) => (s === 'needs_review' ? tr('需复核', 'needs review') : s === 'scored' ? tr('已评分', 'scored') : (s ?? ''));

export function SubmissionsPage({ onLoad }: { onLoad: (form: FormJson) => void }) {
  const [items, setItems] = useState<SubmissionHead[] | null>(null);
  const [error, setError] = useState<ErrorState | null>(null);
  const [open, setOpen] = useState<{ detail: SubmissionDetail; versions: VersionDetail[] } | null>(null);

  useEffect(() => {
    listAll('').then(setItems, (e) => setError(messageOf(e)));
  }, []);

  const show = async (id: string) => {
    try {
      const detail = await api.detail(id);
      const versions = await Promise.all(detail.versions.map((v) => api.version(id, v.version)));
      setOpen({ detail, versions });
      setTimeout(() => document.getElementById('versions-heading')?.focus(), 0);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div class="page">
      <h1>{tr('本单位的提交', "My unit's submissions")}</h1>
      {error ? <ErrorBox error={error} /> : null}
      {items === null ? (
        <p>{tr('正在读取…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p>{tr('还没有提交。在“评分”页评分后可提交。', 'Nothing submitted yet. Score a form, then submit it.')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={tr('提交列表', 'Submissions')}>
          <table class="data">
            <caption>{tr('提交列表', 'Submissions')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('年度', 'Year')}</th>
                <th scope="col">{tr('项目', 'Project')}</th>
                <th scope="col">{tr('当前版本', 'Version')}</th>
                <th scope="col">{tr('计算总分', 'Total')}</th>
                <th scope="col">{tr('等级', 'Grade')}</th>
                <th scope="col">{tr('状态', 'Status')}</th>
                <th scope="col">{tr('更新时间', 'Updated')}</th>
                <th scope="col">{tr('操作', 'Action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>{s.fiscalYear}</td>
                  <td>{s.proName}</td>
                  <td class="num">{s.currentVersion}</td>
                  <td class="num">{s.score?.total ?? ''}</td>
                  <td>{s.score?.grade ?? ''}</td>
                  <td>{statusName(s.score?.status)}</td>
                  <td>{s.updatedAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>
                    <button type="button" onClick={() => void show(s.id)}>
                      {tr(`查看“${s.proName}”的版本`, `Versions of “${s.proName}”`)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <section class="versions">
          <h2 id="versions-heading" tabIndex={-1}>
            {open.detail.proName}：{tr(`共 ${open.versions.length} 个版本`, `${open.versions.length} versions`)}
          </h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={tr('版本与评分', 'Versions and scores')}>
            <table class="data versions-table">
              <caption>{tr('版本与评分', 'Versions and scores')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('版本', 'Version')}</th>
                  <th scope="col">{tr('评分', 'Score')}</th>
                  <th scope="col">{tr('计算总分', 'Total')}</th>
                  <th scope="col">{tr('等级', 'Grade')}</th>
                  <th scope="col">{tr('自报总分', 'Reported')}</th>
                  <th scope="col">{tr('问题数（错误/警告/提示）', 'Findings (errors/warnings/notes)')}</th>
                  <th scope="col">{tr('时间', 'Time')}</th>
                  <th scope="col">{tr('操作', 'Action')}</th>
                </tr>
              </thead>
              <tbody>
                {open.versions.flatMap((v) =>
                  v.snapshots.map((s, k) => (
                    <tr key={`${v.version}-${k}`} data-version={v.version}>
                      <td class="num">{v.version}</td>
                      <td>{s.reason === 'rescore' ? tr(`重新评分（${s.policy.id}）`, `re-score (${s.policy.id})`) : tr(`提交（${s.policy.id}）`, `submit (${s.policy.id})`)}</td>
                      <td class="num">{s.total}</td>
                      <td>{s.grade ?? ''}</td>
                      <td class="num">{s.reportedTotal ?? ''}</td>
                      <td class="num">
                        {s.result.summary.errors}/{s.result.summary.warnings}/{s.result.summary.infos}
                      </td>
                      <td>{s.createdAt.slice(0, 19).replace('T', ' ')}</td>
                      <td>
                        {k === 0 ? (
                          <button type="button" onClick={() => onLoad(v.input)}>
                            {tr(`载入第 ${v.version} 版修改后重新提交`, `Correct version ${v.version} and resubmit`)}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
