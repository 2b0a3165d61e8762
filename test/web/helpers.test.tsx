/** The page's small pure helpers: exact decimal strings, rowspans, finding placement, language choice, the blank form. */
import { describe, expect, test } from 'vitest';
import { cmpDec, sameDec, subDec } from '../../web/src/dec.js';
import { blankForm, cleanForm } from '../../web/src/form-editor.js';
import { pickLang } from '../../web/src/i18n.js';
import { placeFindings } from '../../web/src/place.js';
import { spanRows } from '../../web/src/span.js';

describe('decimal strings', () => {
  test.each([
    ['5', '5.00', true],
    ['87.61', '87.610', true],
    ['0.1', '0.10000000000000001', false],
    ['-0', '0', true],
    ['1,234.5', '1234.50', true],
    ['abc', 'abc', true],
    ['93.76', '93.77', false],
  ])('sameDec(%s, %s) = %s', (a, b, want) => expect(sameDec(a, b)).toBe(want));

  test.each([
    ['90', '93.76', '-3.76'],
    ['100', '95.30', '4.70'],
    ['0.3', '0.1', '0.2'],
    ['5', '5.00', '0.00'],
  ])('subDec(%s, %s) = %s', (a, b, want) => expect(subDec(a, b)).toBe(want));

  test('subDec of a missing or non-numeric value is null', () => {
    expect(subDec(null, '1')).toBeNull();
    expect(subDec('x', '1')).toBeNull();
  });

  test('cmpDec orders exactly', () => {
    expect(['10', '9.99', '100', '-1'].sort(cmpDec)).toEqual(['-1', '9.99', '10', '100']);
  });
});

describe('rowspans', () => {
  test('an l2 run stops at an l1 boundary', () => {
    const rows = [
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '质量指标' },
      { level1: '效益指标', level2: '质量指标' },
    ];
    expect(spanRows(rows).map((r) => [r.l1Span, r.l2Span])).toEqual([
      [3, 2],
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('finding placement', () => {
  const cells = new Map([
    ['pro', ['']],
    ['ind0-actual', ['/indicators/0/actual']],
    ['ind0-name', ['/indicators/0']],
  ]);
  test.each([
    ['/indicators/0/actual', 'ind0-actual'],
    ['/indicators/0/actual/raw', 'ind0-actual'],
    ['/indicators/0/points', 'ind0-name'],
    ['/indicators/01', 'pro'],
    ['', 'pro'],
  ])('%s → %s', (ptr, cell) => expect(placeFindings(cells, [ptr])).toEqual([cell]));
});

describe('language', () => {
  test.each([
    [['en-US', 'zh-CN'], 'en'],
    [['zh-CN', 'en'], 'zh'],
    [[], 'zh'],
    [undefined, 'zh'],
  ] as [string[] | undefined, string][])('%j → %s', (langs, want) => expect(pickLang(langs)).toBe(want));
});

describe('the blank form', () => {
  test('blanks are dropped and the year becomes a number; nothing else is lost', () => {
    const f = { ...blankForm(), fiscalYear: '2022', proName: '项目', extra: { keep: 'me' } };
    const c = cleanForm(f);
    expect(c.fiscalYear).toBe(2022);
    expect(c.proName).toBe('项目');
    expect(c.mofDivCode).toBeUndefined();
    expect(c.extra).toEqual({ keep: 'me' });
    expect((c.funds as { rows: Record<string, unknown>[] }).rows[0]).toEqual({ name: '资金总额', isTotal: true });
  });
});
