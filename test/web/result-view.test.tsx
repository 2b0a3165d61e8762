// @vitest-environment happy-dom
/** The result in the official layout, rendered from the committed API example of the seed form (93.76 / 优). */
import { render } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ScoreResult } from '../../src/core/model/result.js';
import { ResultView } from '../../web/src/result-view.js';
import exampleJson from '../../api/examples/score-01-jingban.json';

const example = exampleJson as unknown as {
  request: { body: Record<string, unknown> };
  response: { body: ScoreResult };
};
const seed = example.response.body;
const form = example.request.body;

function mount(result: ScoreResult, withForm = true): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ResultView result={result} form={withForm ? form : null} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

describe('ResultView of the seed form', () => {
  test('the total, the grade and their explanations', () => {
    const root = mount(seed);
    expect(norm(root.querySelector('.total-line')?.textContent)).toBe('计算总分93.76（优），自报总分93.76（优），发现7个问题。');
    expect(root.querySelector('.total-cell')?.getAttribute('title')).toBe(seed.explanation.total);
    expect(root.querySelector('.grade-cell')?.getAttribute('title')).toBe('93.76 ≥ 90 → 优');
    expect(root.querySelector('.provisional-note')).toBeNull();
  });

  test('the 一级 / 二级 cells are merged with rowspan, an l2 run never crossing an l1 boundary', () => {
    const root = mount(seed);
    const spans = [...root.querySelectorAll<HTMLTableCellElement>('td.l1, td.l2')].map((td) => `${norm(td.textContent).replace(/\[\d+\]/g, '')}:${td.rowSpan}`);
    expect(spans).toEqual(['产出指标:7', '数量指标:3', '质量指标:2', '时效指标:1', '成本指标:1', '效益指标:1', '社会效益指标:1', '满意度指标:1', '服务对象满意度:1']);
    expect(root.querySelectorAll('.indicator-block tr[data-row]').length).toBe(9);
  });

  test('every finding is on its cell: marker, severity colour, message on hover, described by its list item', () => {
    const root = mount(seed);
    const marks = root.querySelectorAll('.form-table sup.mark');
    expect(marks.length).toBe(seed.findings.length);
    const cost = root.querySelector('#cell-indicators-6-target')!;
    expect(cost.className).toContain('sev-info');
    expect(cost.getAttribute('title')).toMatch(/“成本指标”为未填报的默认成本指标，得分不超过5分/);
    const ref = cost.getAttribute('aria-describedby')!;
    expect(root.querySelector(`#${ref}`)?.textContent).toMatch(/成本指标/);
    expect(root.querySelectorAll('#cell-indicators-0-actual sup.mark').length).toBe(1);
  });

  test('the cost row shows its cap, the 执行率 row its computed rate, score and explanation', () => {
    const root = mount(seed);
    expect(norm(root.querySelector('#cell-indicators-6-score')?.textContent)).toBe('5.00（封顶5分）');
    const score = root.querySelector('.funds-block td.funds-score')!;
    expect(norm(score.textContent)).toBe('8.76');
    expect(score.getAttribute('title')).toBe(seed.funds.explanation);
  });

  test('filer and computed values side by side: a different one is marked', () => {
    const changed: ScoreResult = structuredClone(seed);
    changed.indicators[1]!.reportedScore = '9';
    changed.reported.total = '100';
    const root = mount(changed);
    expect(root.querySelector('#cell-indicators-1-score')?.className).toContain('differs');
    expect(root.querySelector('#cell-indicators-0-score')?.className).not.toContain('differs');
    expect(root.querySelector('.total-cell')?.className).toContain('differs');
  });

  test('a form that needs review is shown as provisional', () => {
    const review: ScoreResult = { ...seed, status: 'needs_review', provisional: true };
    const root = mount(review);
    expect(root.querySelector('.total-box')?.className).toContain('provisional');
    expect(norm(root.querySelector('.provisional-note')?.textContent)).toMatch(/^暂定/);
  });

  test('a finding no cell claims lands on the form-level cell, never dropped', () => {
    const odd: ScoreResult = structuredClone(seed);
    odd.findings = [{ code: 'UNKNOWN_FIELD', severity: 'warning', pointer: '/nowhere/3', message: '未知字段', params: {} }];
    const root = mount(odd, false);
    expect(root.querySelector('#cell-pro')?.className).toContain('sev-warning');
    expect(root.querySelectorAll('ol.findings li').length).toBe(1);
  });

  test('clicking a finding focuses its cell', () => {
    const root = mount(seed);
    (HTMLElement.prototype as unknown as { scrollIntoView: () => void }).scrollIntoView = () => undefined;
    const button = [...root.querySelectorAll<HTMLButtonElement>('ol.findings button')].find((b) => /成本指标/.test(b.textContent ?? ''))!;
    button.click();
    expect(document.activeElement?.id).toBe('cell-indicators-6-target');
  });
});
