/**
 * The bench's sections. A section is one file exporting a BenchSection; bench.ts lists them.
 * To add one (e.g. "office", "report"): write src/bench/<name>-section.ts exporting a
 * BenchSection whose `name` is its key in the JSON output, and add it to SECTIONS in bench.ts.
 */
export interface BenchContext {
  /** A private temporary folder for files the section writes (removed afterwards). */
  tmpDir: string;
  /** Fewer and smaller runs (`--quick`), for a smoke test. */
  quick: boolean;
  /** Progress lines (stderr); keep stdout for the result. */
  log(line: string): void;
}

export interface BenchSection<T = unknown> {
  /** Key of this section in `npm run bench -- --json`. */
  name: string;
  run(ctx: BenchContext): Promise<T>;
  /** The result for people: a few lines. */
  describe(result: T): string[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
}

export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
