import t from 'tap';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  columnOperator, compileVocabulary, labelKey, parseActual, parseTarget, type RawVocabulary,
} from '../src/core/parse/index.js';
import { loadVocabulary } from '../src/data/vocabulary.js';

const dir = fileURLToPath(new URL('../indicators/', import.meta.url));
const files = ['common-indicators.json', 'labels.json', 'operators.json', 'qualitative.json', 'taxonomy.json', 'units.json'];
/** Word lists read by other parts than the project vocabulary: 部门整体 forms, the 一体化 standard shape. */
const others = ['department.json', 'import-words.json', 'standard.json'];
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const raw = (): RawVocabulary => ({
  operators: read('operators.json'), units: read('units.json'), qualitative: read('qualitative.json'),
  taxonomy: read('taxonomy.json'), commonIndicators: read('common-indicators.json'), labels: read('labels.json'),
});
const vocab = loadVocabulary();

t.test('indicators/ holds the six vocabulary files and the other word lists, each with a $comment', async (t) => {
  t.same(readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), [...files, ...others].sort());
  for (const f of [...files, ...others]) t.match(read(f).$comment, /^.{80,}$/s, `${f} says what it is`);
});

t.test('the default vocabulary is cached; an explicit folder is read again', async (t) => {
  t.equal(loadVocabulary(), vocab);
  const other = loadVocabulary(dir);
  t.not(other, vocab);
  t.equal(other.units.size, vocab.units.size);
});

t.test('operator tokens are sorted longest first', async (t) => {
  for (const list of [vocab.prefixTokens, vocab.suffixTokens]) {
    for (let i = 1; i < list.length; i++) t.ok(list[i - 1].length >= list[i].length, `${list[i - 1]} before ${list[i]}`);
  }
});

t.test('every operator spelling in operators.json is read', async (t) => {
  const ops = read('operators.json');
  for (const [op, spellings] of Object.entries(ops.prefix as Record<string, string[]>)) {
    for (const s of spellings) {
      const p = parseTarget(`${s}95%`, {}, vocab);
      t.equal(p.kind === 'quantitative' && p.operator, op, `prefix ${s}`);
      const c = parseTarget('95', { operator: s, unit: '%' }, vocab);
      t.equal(c.kind === 'quantitative' && c.operator, op, `column ${s}`);
    }
  }
  for (const [op, spellings] of Object.entries(ops.suffix as Record<string, string[]>)) {
    for (const s of spellings) {
      const p = parseTarget(`95%${s}`, {}, vocab);
      t.equal(p.kind === 'quantitative' && p.operator, op, `suffix ${s}`);
    }
  }
  for (const [code, kind] of Object.entries(ops.codes as Record<string, string>)) {
    const col = columnOperator(code, vocab);
    t.equal(col?.kind === 'operator' ? col.op : col?.kind, kind, `code ${code}`);
    const p = parseTarget('95%', { operator: code }, vocab);
    // An operator code decides the comparison; 定量 / 定量（其他） leave the number as written; 不适用 clears it.
    const read = p.kind === 'quantitative' ? (p.operator ?? 'no operator') : p.kind;
    const expected = col?.kind === 'operator' ? col.op : kind === 'notApplicable' ? 'empty' : kind === 'qualitative' ? 'qualitative' : 'no operator';
    t.equal(read, expected, `code ${code}: 95% read as ${expected}`);
  }
});

t.test('every unit alias is read as its base, alone and after 万', async (t) => {
  const units = read('units.json') as { units: Array<{ base: string; aliases: string[]; scalable?: boolean }> };
  for (const u of units.units) {
    for (const a of u.aliases) {
      const p = parseTarget(`35${a}`, {}, vocab);
      t.same(p.kind === 'quantitative' && [p.unit.base, p.unit.multiplier.toString(), p.unit.known], [u.base, '1', true], `35${a}`);
    }
    if (u.scalable !== false) {
      const a = u.aliases[0];
      const p = parseTarget(`35万${a}`, {}, vocab);
      t.same(p.kind === 'quantitative' && [p.unit.base, p.baseValue.toString()], [u.base, "350000"], `35万${a}`);
    }
  }
});

t.test('every tier label, synonym, grade and placeholder of qualitative.json is read', async (t) => {
  const q = read('qualitative.json');
  const sources: Array<[string, string]> = [['labels2020', 'label2020'], ['labels2016', 'label2016'], ['short', 'short'], ['synonyms', 'synonym']];
  for (const [field, source] of sources) {
    for (const tier of ['A', 'B', 'C']) {
      for (const s of q[field][tier] ?? []) {
        const p = parseActual(s, null, vocab);
        t.same(p.kind === 'qualitative' && [p.tier, p.tierSource], [tier, source], `${field} ${tier} ${s}`);
      }
    }
  }
  for (const [grade, spellings] of Object.entries(q.graded as Record<string, string[]>)) {
    for (const s of spellings) {
      const p = parseActual(s, null, vocab);
      t.same(p.kind === 'qualitative' && [p.grade, p.tier, p.tierSource], [grade, null, 'graded'], `graded ${s}`);
    }
  }
  // 无 is both a placeholder word and the answer no: the answer wins (issue 8 rule 2).
  const answers = new Set([...(q.answers.yes as string[]), ...(q.answers.no as string[])]);
  for (const s of (q.placeholders as string[]).filter((x) => !answers.has(x))) {
    t.same(parseTarget(s, {}, vocab).kind === 'empty' && (parseTarget(s, {}, vocab) as { placeholder: boolean }).placeholder,
      true, `placeholder ${s}`);
  }
});

t.test('compileVocabulary rejects contradictions, naming the file', async (t) => {
  const r1 = raw();
  r1.qualitative.synonyms.C = [...(r1.qualitative.synonyms.C ?? []), '达成'];
  t.throws(() => compileVocabulary(r1), { message: /^qualitative\.json: "达成" is tier A \(short\) and tier C \(synonym\)/ });
  const r2 = raw();
  r2.operators.prefix.LE = [...(r2.operators.prefix.LE ?? []), '不低于'];
  t.throws(() => compileVocabulary(r2), { message: /^operators\.json: prefix: "不低于" is both GE and LE/ });
  const r3 = raw();
  r3.units.units.push({ base: 'KG', aliases: ['kg'] });
  t.throws(() => compileVocabulary(r3), { message: /^units\.json: alias "kg" belongs to both "千克" and "KG"/ });
  const r4 = raw();
  r4.units.multipliers['兆'] = 'lots';
  t.throws(() => compileVocabulary(r4), { message: /^units\.json: multiplier "兆" is not a number/ });
  const r5 = raw();
  r5.operators.codes['7'] = 'sideways';
  t.throws(() => compileVocabulary(r5), { message: /^operators\.json: codes\.7: unknown value "sideways"/ });
  const r6 = raw();
  r6.qualitative.synonyms.A = [...(r6.qualitative.synonyms.A ?? []), '优秀'];
  t.throws(() => compileVocabulary(r6), { message: /^qualitative\.json: synonym "优秀" is also a grade/ });
  t.ok(compileVocabulary(raw()).tiers.size > 50, 'the unmodified files compile');
});

t.test('loadVocabulary: a broken file gives an error naming the file and the problem', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-vocab-'));
  t.teardown(() => rmSync(tmp, { recursive: true, force: true }));
  const reset = () => { for (const f of files) copyFileSync(join(dir, f), join(tmp, f)); };

  reset();
  t.ok(loadVocabulary(tmp).units.size > 100, 'a faithful copy loads');

  writeFileSync(join(tmp, 'units.json'), '{ "multipliers": {, }');
  t.throws(() => loadVocabulary(tmp), { message: /vocabulary file .*units\.json: invalid JSON/ });

  reset();
  rmSync(join(tmp, 'taxonomy.json'));
  t.throws(() => loadVocabulary(tmp), { message: /vocabulary file .*taxonomy\.json: cannot be read \(ENOENT\)/ });

  reset();
  writeFileSync(join(tmp, 'qualitative.json'), JSON.stringify({ ...read('qualitative.json'), placeholders: 'none' }));
  t.throws(() => loadVocabulary(tmp), { message: /vocabulary file .*qualitative\.json: unexpected shape \(placeholders: / });

  reset();
  writeFileSync(join(tmp, 'operators.json'), JSON.stringify({ ...read('operators.json'), suffix: { XX: ['以上'] } }));
  t.throws(() => loadVocabulary(tmp), { message: /operators\.json/ });

  reset();
  const q = read('qualitative.json');
  q.short.C.push('达成预期指标');
  writeFileSync(join(tmp, 'qualitative.json'), JSON.stringify(q));
  t.throws(() => loadVocabulary(tmp), { message: /vocabulary in .*: qualitative\.json: "达成预期指标" is tier A \(label2016\) and tier C \(short\)/ });
});

t.test('labelKey drops spaces and trailing punctuation only', async (t) => {
  t.equal(labelKey(' 达成 预期指标。 '), '达成预期指标');
  t.equal(labelKey('部分达到预期目标，并且具备一定效果；'), '部分达到预期目标,并且具备一定效果');
  t.equal(labelKey('—'), '—');
});
