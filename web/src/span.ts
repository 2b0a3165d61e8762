/** Rowspans of the 一级 / 二级 columns: an l2 run never crosses an l1 boundary. */
export interface Spanned<T> {
  item: T;
  index: number;
  /** 0: covered by the cell above; n: this row starts a merged cell of n rows. */
  l1Span: number;
  l2Span: number;
}

export function spanRows<T extends { level1: string; level2: string }>(list: readonly T[]): Spanned<T>[] {
  const same1 = (a: T, b: T) => a.level1 === b.level1;
  const same2 = (a: T, b: T) => same1(a, b) && a.level2 === b.level2;
  const run = (i: number, eq: (a: T, b: T) => boolean) => {
    let n = 1;
    while (i + n < list.length && eq(list[i]!, list[i + n]!)) n++;
    return n;
  };
  return list.map((item, i) => ({
    item,
    index: i,
    l1Span: i > 0 && same1(list[i - 1]!, item) ? 0 : run(i, same1),
    l2Span: i > 0 && same2(list[i - 1]!, item) ? 0 : run(i, same2),
  }));
}
