/**
 * indicators/department.json: the money categories of each province's list, the common
 * department-wide indicators with their direction, and the labels of the department workbook
 * layout. The shape is declared once here (the loader in src/data/vocabulary.ts checks the file
 * with it); `compileDepartmentData` turns it into lookups. Pure.
 */
import { z } from 'zod';
import { labelKey } from '../parse/normalize.js';

const words = z.array(z.string().min(1));
const MatchSchema = z.object({ exact: words.optional(), prefix: words.optional(), contains: words.optional() });

const CategorySchema = z.object({ key: z.string().min(1), name: z.string().min(1), aliases: words });

export const DEPARTMENT_LABEL_KEYS = [
  'title', 'fundsSection', 'categoryTable', 'sourceTable', 'directionTable', 'goalTable',
  'taskWords', 'ratio', 'indicatorTable', 'problems', 'improvements', 'experience', 'remark',
] as const;

/** The tables of the workbook layout whose columns are found by their header cells. */
export const COLUMN_TABLES = ['funds', 'goals', 'indicators', 'identity'] as const;
export type ColumnTable = (typeof COLUMN_TABLES)[number];
export type DepartmentLabel = (typeof DEPARTMENT_LABEL_KEYS)[number];

export const DepartmentDataSchema = z.object({
  $comment: z.string().optional(),
  categoryLists: z.record(
    z.string().regex(/^[a-z0-9-]+$/),
    z.object({ name: z.string(), sources: z.string(), categories: z.array(CategorySchema).min(1) }),
  ).refine((r) => 'default' in r, { message: 'a "default" category list is required' }),
  commonIndicators: z.array(z.object({
    id: z.string(), name: z.string().min(1), aliases: words,
    level1: z.string(), level2: z.string(),
    direction: z.enum(['positive', 'reverse', 'equal', 'qualitative']),
    unit: z.string().nullable(), typical: z.string().nullable(), explanation: z.string().nullable(),
    sources: z.string(), evidence: z.string(),
  })),
  labels: z.object(Object.fromEntries(DEPARTMENT_LABEL_KEYS.map((k) => [k, MatchSchema])) as Record<DepartmentLabel, typeof MatchSchema>),
  columns: z.object({
    $comment: z.string().optional(),
    computed: words,
    ...(Object.fromEntries(COLUMN_TABLES.map((t) => [t, z.record(z.string(), words)])) as Record<ColumnTable, z.ZodRecord<z.ZodString, typeof words>>),
  }),
});
export type RawDepartmentData = z.input<typeof DepartmentDataSchema>;
export type DepartmentIndicator = RawDepartmentData['commonIndicators'][number];

export interface CategoryList {
  id: string;
  name: string;
  categories: { key: string; name: string; aliases: string[] }[];
}

export interface DepartmentData {
  /** The list a policy names, else the default list. */
  categoryList(id: string | undefined): CategoryList;
  /** The category a money row names, or null. */
  category(list: CategoryList, rowName: string): { key: string; name: string } | null;
  /** The common department-wide indicator a 三级 name is, or null. */
  indicator(name: string | undefined): DepartmentIndicator | null;
  /** Whether a label cell of the workbook says this. */
  label(key: DepartmentLabel, text: string): boolean;
  /** The field a header (or label) cell of a table names; 'computed' for jixiao's own columns; null when none. */
  column(table: ColumnTable, text: string): string | null;
  readonly indicators: readonly DepartmentIndicator[];
}

/** A name's lookup key: the label key without quotation marks ("三公"经费 = “三公”经费 = 三公经费). */
export function nameKey(s: string): string {
  return labelKey(s).replace(/["'“”‘’「」『』]/g, '');
}

const POINTS_SUFFIX = /[(（]\d+(\.\d+)?分?[)）]$/;
const PAREN_SUFFIX = /[(（][^()（）]*[)）]$/;

/** A header's key: its name key without a trailing （…） ("权重比例（%）" → 权重比例). */
export function headerKey(s: string): string {
  return nameKey(s).replace(PAREN_SUFFIX, '');
}

function matcher(m: z.infer<typeof MatchSchema>): (text: string) => boolean {
  const exact = new Set((m.exact ?? []).map(nameKey));
  const prefix = (m.prefix ?? []).map(nameKey);
  const contains = (m.contains ?? []).map(nameKey);
  return (text) => {
    const t = nameKey(text).replace(POINTS_SUFFIX, '');
    if (t === '') return false;
    return exact.has(t) || prefix.some((p) => t.startsWith(p)) || contains.some((c) => t.includes(c));
  };
}

export function compileDepartmentData(raw: RawDepartmentData): DepartmentData {
  const r = DepartmentDataSchema.parse(raw);
  const lists = new Map<string, CategoryList>(Object.entries(r.categoryLists).map(([id, l]) => [id, { id, name: l.name, categories: l.categories }]));
  const byList = new Map<string, Map<string, { key: string; name: string }>>();
  for (const [id, l] of lists) {
    const m = new Map<string, { key: string; name: string }>();
    for (const c of l.categories) for (const n of [c.name, ...c.aliases]) m.set(nameKey(n), { key: c.key, name: c.name });
    byList.set(id, m);
  }
  const indicators = new Map<string, DepartmentIndicator>();
  for (const ind of r.commonIndicators) for (const n of [ind.name, ...ind.aliases]) indicators.set(nameKey(n), ind);
  const labels = new Map(DEPARTMENT_LABEL_KEYS.map((k) => [k, matcher(r.labels[k])]));
  const columns = new Map(COLUMN_TABLES.map((t) => {
    const m = new Map<string, string>();
    for (const [field, names] of Object.entries(r.columns[t])) for (const n of names) m.set(headerKey(n), field);
    return [t, m] as const;
  }));
  const computed = r.columns.computed.map(nameKey);
  return {
    categoryList: (id) => lists.get(id ?? 'default') ?? lists.get('default')!,
    category: (list, rowName) => byList.get(list.id)?.get(nameKey(rowName)) ?? null,
    indicator: (name) => (name ? indicators.get(nameKey(name)) ?? null : null),
    label: (key, text) => labels.get(key)!(text),
    column: (table, text) => {
      const k = headerKey(text);
      if (k !== '' && computed.some((c) => k.startsWith(c))) return 'computed';
      return columns.get(table)!.get(k) ?? null;
    },
    indicators: r.commonIndicators,
  };
}
