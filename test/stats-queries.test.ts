/** The bureau tools' store reads: the current version of each stored form, a page at a time, in filing order, within a scope. */
import t from 'tap';
import { currentForms, eachCurrentForm } from '../src/store/stats-queries.js';
import { known, storeApp } from './stats-helpers.js';

t.test('pages in filing order; scope, year and the current version', async (t) => {
  const s = await storeApp(t);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await s.submit(known('601', i, 100))).id);
  await s.submit(known('602', 0, 80));
  await s.submit(known('601', 9, 80, { fiscalYear: 2021 }));
  // A new version of the first form: read as version 2 with its new score.
  const v2 = await s.submit(known('601', 0, 60));
  t.equal(v2.id, ids[0]);
  t.equal(v2.version, 2);

  const pages: string[][] = [];
  await eachCurrentForm(s.store, { year: 2022, deptCode: '601' }, (page) => void pages.push(page.map((f) => f.id)), 2);
  t.same(pages, [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
  const all = await currentForms(s.store, { year: 2022, deptCode: '601' });
  t.same(all.map((f) => f.id), ids);
  t.equal(all[0].version, 2);
  t.equal(all[0].snapshot?.total, '64.00');
  t.equal(all[0].kind, 'project');
  t.equal(all[0].projectKey, 'P601000');
  t.equal((await currentForms(s.store, { year: 2022 })).length, 6);
  t.equal((await currentForms(s.store, { year: 2022, agencyCode: '602100' })).length, 1);
  t.equal((await currentForms(s.store, { year: 2022, mofDivCode: '150000' })).length, 0);
  t.equal((await currentForms(s.store, { year: 2021 })).length, 1);
});
