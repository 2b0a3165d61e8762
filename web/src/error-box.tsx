/** An API error as the person reads it: the Chinese detail, then each problem's message. */
import { tr } from './i18n.js';

export interface ErrorState {
  detail: string;
  errors: string[];
}

export function ErrorBox({ error }: { error: ErrorState }) {
  return (
    <div class="error" role="alert">
      <p>
        <strong>{tr('出错了：', 'Error: ')}</strong>
        {error.detail}
      </p>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.slice(0, 50).map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
