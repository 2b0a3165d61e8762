/** Sign in with an API key (kept for this tab only, in sessionStorage); shows the key's role and tenancy. */
import { useState } from 'preact/hooks';
import { api, messageOf, setApiKey, type Session } from './api.js';
import { ROLE_NAMES, tr } from './i18n.js';

export const KEY_STORE = 'jixiao.apiKey';

export function describe(s: Session): string {
  const parts = [ROLE_NAMES[s.role]?.() ?? s.role, s.name];
  if (s.agencyCode) parts.push(tr(`单位 ${s.agencyCode}`, `unit ${s.agencyCode}`));
  if (s.deptCode) parts.push(tr(`部门 ${s.deptCode}`, `department ${s.deptCode}`));
  if (s.mofDivCode) parts.push(tr(`区划 ${s.mofDivCode}`, `region ${s.mofDivCode}`));
  return parts.join(' · ');
}

/** The key kept in this tab, checked again (null when absent or no longer valid). */
export async function restore(): Promise<Session | null> {
  const key = sessionStorage.getItem(KEY_STORE);
  if (!key) return null;
  setApiKey(key);
  try {
    return await api.session();
  } catch {
    sessionStorage.removeItem(KEY_STORE);
    setApiKey(null);
    return null;
  }
}

interface Props {
  session: Session | null;
  onChange: (s: Session | null) => void;
}

export function SignIn({ session, onChange }: Props) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (session) {
    return (
      <div class="signin signed">
        <span class="who" aria-label={tr('当前密钥', 'Signed in as')}>
          {describe(session)}
        </span>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            sessionStorage.removeItem(KEY_STORE);
            setApiKey(null);
            onChange(null);
          }}
        >
          {tr('退出', 'Sign out')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="signin"
      onSubmit={async (e) => {
        e.preventDefault();
        const k = key.trim();
        if (!k) return;
        setBusy(true);
        setError('');
        setApiKey(k);
        try {
          const s = await api.session();
          sessionStorage.setItem(KEY_STORE, k);
          setKey('');
          onChange(s);
        } catch (err) {
          setApiKey(null);
          setError(messageOf(err).detail);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for="api-key">{tr('API 密钥', 'API key')}</label>
      <input id="api-key" type="password" autoComplete="off" spellcheck={false} value={key} onInput={(e) => setKey(e.currentTarget.value)} placeholder="jx_…" />
      <button type="submit" disabled={busy}>
        {tr('登录', 'Sign in')}
      </button>
      {error ? (
        <span class="error-inline" role="alert">
          {error}
        </span>
      ) : (
        <span class="hint">{tr('不登录也可评分；提交与看板需要密钥。', 'Scoring needs no key; submitting and the dashboard do.')}</span>
      )}
    </form>
  );
}
