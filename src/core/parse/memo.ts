/**
 * A memo bounded by memory that does not forget everything when it fills: two generations.
 * New entries go to the young map; when its weight passes half the budget, the young map becomes
 * the old one and the previous old one is dropped. A hit in the old generation moves the entry
 * back to the young one, so the working set survives every turnover (an LRU's effect without its
 * bookkeeping on every hit). Weight is an estimate in bytes given by the caller.
 *
 * Entries are keyed by (text, variant): the text as it came (a string JSON.parse made, hashed
 * once) and a variant string the caller keeps (options, the target's unit), so no key string is
 * concatenated on a lookup.
 */
interface Slot<V> {
  variant: string;
  value: V;
  next: Slot<V> | null;
}

export class Memo<V> {
  #young = new Map<string, Slot<V>>();
  #old = new Map<string, Slot<V>>();
  #weight = 0;
  #entries = 0;
  #oldEntries = 0;
  #hits = 0;
  #misses = 0;

  constructor(
    /** Bytes both generations may hold together (about). */
    readonly budget: number,
    private readonly weigh: (text: string, variant: string, value: V) => number,
  ) {}

  get(text: string, variant = ''): V | undefined {
    for (let s: Slot<V> | null | undefined = this.#young.get(text); s; s = s.next) {
      if (s.variant === variant) {
        this.#hits++;
        return s.value;
      }
    }
    for (let s: Slot<V> | null | undefined = this.#old.get(text); s; s = s.next) {
      if (s.variant === variant) {
        this.#hits++;
        this.set(text, variant, s.value);
        return s.value;
      }
    }
    this.#misses++;
    return undefined;
  }

  set(text: string, variant: string, value: V): void {
    if (this.#weight >= this.budget / 2) {
      this.#old = this.#young;
      this.#oldEntries = this.#entries;
      this.#young = new Map();
      this.#weight = 0;
      this.#entries = 0;
    }
    this.#young.set(text, { variant, value, next: this.#young.get(text) ?? null });
    this.#weight += this.weigh(text, variant, value);
    this.#entries++;
  }

  /** Entries held (an entry read from the old generation counts twice), hits and misses. */
  stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.#entries + this.#oldEntries, hits: this.#hits, misses: this.#misses };
  }
}
