/** Chinese first; English when the browser asks for it first (like the API's Accept-Language). */
export type Lang = 'zh' | 'en';

export function pickLang(langs: readonly string[] | undefined): Lang {
  const first = langs?.[0]?.toLowerCase() ?? 'zh';
  return first.startsWith('en') ? 'en' : 'zh';
}

export const LANG: Lang = pickLang(typeof navigator === 'undefined' ? undefined : navigator.languages);

/** tr('中文', 'English'): the page's words in both languages, side by side where they are used. */
export const tr = (zh: string, en: string): string => (LANG === 'en' ? en : zh);

export const ROLE_NAMES: Record<string, () => string> = {
  unit: () => tr('预算单位', 'budget unit'),
  department: () => tr('主管部门', 'department'),
  bureau: () => tr('财政部门', 'finance bureau'),
};

export const SEVERITY_NAMES: Record<string, () => string> = {
  error: () => tr('错误', 'error'),
  warning: () => tr('警告', 'warning'),
  info: () => tr('提示', 'note'),
};
