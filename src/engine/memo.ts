/**
 * A bounded memo of a pure function's answers: past `max` entries it starts over. A plan asks
 * the same few questions on thousands of rows (the same lead unit, deadline, date), so a memo
 * pays; a sheet that asks millions of different ones costs no more memory than `max` answers.
 * Callers must not mutate an answer they get back.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The answer for `key`: remembered, or `compute(key)`, remembered now. */
  get(key: K, compute: (key: K) => V): V {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as V;
    const value = compute(key);
    this.remember(key, value);
    return value;
  }

  /** The answer remembered for `key`, if any. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  remember(key: K, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }
}
