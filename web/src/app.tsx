/** The workbench: a header with the sign-in, and three pages by hash (#/score, #/submissions, #/dashboard). */
import { useEffect, useState } from 'preact/hooks';
import type { FormJson, Session } from './api.js';
import { DashboardPage } from './dashboard-page.js';
import { LANG, tr } from './i18n.js';
import { ScorePage } from './score-page.js';
import { restore, SignIn } from './sign-in.js';
import { SubmissionsPage } from './submissions-page.js';

type Route = 'score' | 'submissions' | 'dashboard';

const routeOf = (hash: string): Route => (hash === '#/submissions' ? 'submissions' : hash === '#/dashboard' ? 'dashboard' : 'score');

export function App() {
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  const [session, setSession] = useState<Session | null>(null);
  const [load, setLoad] = useState<{ form: FormJson; seq: number } | null>(null);

  useEffect(() => {
    document.documentElement.lang = LANG === 'en' ? 'en' : 'zh-CN';
    const on = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', on);
    void restore().then(setSession);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    const names = { score: tr('评分', 'Score'), submissions: tr('我的提交', 'Submissions'), dashboard: tr('看板', 'Dashboard') };
    document.title = `${names[route]} · ${tr('绩效自评工作台', 'Performance self-evaluation')}`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);

  const links: [Route, string][] = [['score', tr('评分', 'Score')]];
  if (session?.role === 'unit') links.push(['submissions', tr('我的提交', 'My submissions')]);
  if (session?.role === 'department' || session?.role === 'bureau') links.push(['dashboard', tr('看板', 'Dashboard')]);

  let page;
  if (route === 'submissions' && session?.role === 'unit') {
    page = (
      <SubmissionsPage
        onLoad={(form) => {
          setLoad({ form, seq: Date.now() });
          location.hash = '#/score';
        }}
      />
    );
  } else if (route === 'dashboard' && (session?.role === 'department' || session?.role === 'bureau')) {
    page = <DashboardPage session={session} />;
  } else if (route !== 'score' && !session) {
    page = (
      <div class="page">
        <h1>{tr('需要登录', 'Sign in first')}</h1>
        <p>{tr('请在页面顶部输入 API 密钥。', 'Enter your API key at the top of the page.')}</p>
      </div>
    );
  } else {
    page = <ScorePage session={session} load={load} />;
  }

  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {tr('跳到主要内容', 'Skip to the content')}
      </a>
      <header class="top">
        <div class="brand">{tr('绩效自评工作台', 'Performance self-evaluation')}</div>
        <nav aria-label={tr('页面', 'Pages')}>
          <ul>
            {links.map(([r, name]) => (
              <li key={r}>
                <a href={`#/${r}`} aria-current={route === r ? 'page' : undefined}>
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <SignIn session={session} onChange={setSession} />
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="foot">
        jixiao · <a href="/docs">{tr('接口文档', 'API docs')}</a>
      </footer>
    </>
  );
}
