// @vitest-environment happy-dom
/** The form editor: rows added and removed, labelled inputs, and the JSON it sends. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test } from 'vitest';
import { blankForm, FormEditor } from '../../web/src/form-editor.js';

afterEach(() => {
  document.body.innerHTML = '';
});

function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

test('indicator rows are added and removed, and the scored form carries what was typed', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  let sent: Record<string, unknown> | null = null;
  await act(() => render(<FormEditor initial={blankForm()} busy={false} onScore={(f) => (sent = f)} />, root));
  const add = [...root.querySelectorAll('button')].find((b) => b.textContent === '添加指标行')!;
  await act(() => add.click());
  await act(() => add.click());
  expect(root.querySelectorAll('[aria-label^="指标第"]').length).toBe(3);
  const remove = [...root.querySelectorAll('button')].find((b) => b.textContent === '删除指标第2行')!;
  await act(() => remove.click());
  expect(root.querySelectorAll('[aria-label^="指标第"]').length).toBe(2);
  await act(() => type(root.querySelector<HTMLInputElement>('input[name="proName"]')!, '测试项目'));
  await act(() => type(root.querySelector<HTMLInputElement>('input[name="indicators.0.name"]')!, '培训人次'));
  await act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
  });
  expect(sent).not.toBeNull();
  const form = sent as unknown as { proName: string; indicators: { name?: string }[] };
  expect(form.proName).toBe('测试项目');
  expect(form.indicators.map((i) => i.name ?? null)).toEqual(['培训人次', null]);
});

test('every input has a label', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<FormEditor initial={blankForm()} busy={false} onScore={() => undefined} />, root));
  const unlabelled = [...root.querySelectorAll('input, select, textarea')].filter((el) => !el.closest('label') && !el.getAttribute('aria-label'));
  expect(unlabelled.length).toBe(0);
});
