/** Small builders for test forms; every field a real form has, nothing clever. */
import { readFileSync } from 'node:fs';

export type Json = Record<string, unknown>;

export function seed(name: '01-jingban' | '02-dangan' | '03-dalou'): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/seed/${name}.json`, import.meta.url), 'utf8')) as Json;
}

export function indicator(over: Json = {}): Json {
  return { level1: '产出指标', level2: '数量指标', name: '培训人次', points: 10, target: '≥100人次', actual: '100人次', deviationNote: '无偏差', ...over };
}

/** A form whose points sum to 100 unless the caller changes them. */
export function form(over: Json = {}, indicators: Json[] = [indicator({ points: 90 })]): Json {
  return {
    fiscalYear: 2023,
    agencyName: '测试单位',
    proName: '测试项目',
    funds: { rows: [{ name: '资金总额', budget: '100', executed: '100' }] },
    indicators,
    ...over,
  };
}

/** One indicator worth `points`, padded with a full-score filler so the form sums to 100. */
export function single(ind: Json, points = 10): Json {
  const rows = [indicator({ ...ind, points })];
  if (points < 90) rows.push(indicator({ name: '填充指标', points: 90 - points }));
  return form({}, rows);
}
