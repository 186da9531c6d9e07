/**
 * A fake Excel for tests and the browser e2e: an in-memory workbook behind the subset of the
 * Excel JavaScript API that src/hosts/excel uses, strict where real Excel is strict —
 * properties read before load+sync throw, operations apply only at sync, merged cells other than
 * the top-left read as "", a request or response over 5 MB fails like Excel on the web, writes
 * to a protected sheet fail, text that Excel would turn into a formula or date does so.
 *
 *   const excel = createFakeExcel(seed);
 *   const host = createExcelPlanHost(excel.run);
 *   …; excel.stats.syncs; excel.dumpSheet('Phụ lục');
 *
 * No Node APIs: it runs in the task pane bundle too.
 */
import { FakeExcelError, type FakeErrorCode } from './errors';
import { FakeRequestContext, MAX_MERGED_AREAS, PAYLOAD_LIMIT_BYTES, type FakeExcelStats, type FakeRuntime, type Interference, type SyncRecord } from './context';
import { FakeWorkbook } from './workbook';
import { dumpSheet, dumpWorkbook, seedWorkbook, type FakeWorkbookSeed, type SheetDump, type WorkbookDump, type WorkbookState } from './model';

export interface FakeExcelOptions {
  /** Defaults to 5 MB, Excel on the web's limit for a request and for a response. */
  payloadLimitBytes?: number;
  /** Merged areas one getMergedAreasOrNullObject call may return; defaults to Excel's 512. A
   * lower limit makes tests of the host's fallback cheap. */
  maxMergedAreas?: number;
  /** What Office.context.requirements.isSetSupported answers; defaults to every ExcelApi set up to 1.13. */
  supportedExcelApi?: string;
}

/** The part of Excel.RunOptions the fake honours. */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface FakeExcel {
  /** Drop-in for Excel.run(batch) and Excel.run({ delayForCellEdit }, batch). */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: FakeRunOptions, batch: Batch<T>): Promise<T>;
  /** Drop-in for Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, minVersion?: string): boolean;
  readonly state: WorkbookState;
  readonly stats: FakeExcelStats;
  resetStats(): void;
  /** Largest request of all syncs so far, in bytes. */
  maxRequestBytes(): number;
  maxResponseBytes(): number;
  /** Make the n-th sync from now fail with this Excel error before it applies anything. */
  failSync(afterSyncs: number, code: FakeErrorCode, message: string): void;
  /**
   * The user starts typing in a cell: every batch now fails with `code` (Microsoft's page on
   * cell-edit mode says InvalidOperation; Excel.ErrorCodes also has InvalidOperationInCellEditMode),
   * except batches run with delayForCellEdit, which wait until endCellEdit().
   */
  startCellEdit(code?: 'InvalidOperation' | 'InvalidOperationInCellEditMode'): void;
  /** The user presses Enter or Esc. */
  endCellEdit(): void;
  /** A co-author's (or any outside) change, applied just before the n-th sync from now runs. */
  interfere(afterSyncs: number, edit: Interference): void;
  /** A co-author inserts `count` empty rows at Excel row `row` (1-based) of `sheet` just before
   * the n-th sync from now: cells, merges, hidden rows, highlights and validations move down. */
  insertRowsBeforeSync(afterSyncs: number, sheet: string, row: number, count: number): void;
  dump(): WorkbookDump;
  dumpSheet(name: string): SheetDump;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createFakeExcel(seed: FakeWorkbookSeed, options: FakeExcelOptions = {}): FakeExcel {
  const runtime: FakeRuntime = {
    state: seedWorkbook(seed),
    stats: { syncs: 0, requests: [], maxMergedAreas: 0 },
    payloadLimitBytes: options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    maxMergedAreas: options.maxMergedAreas ?? MAX_MERGED_AREAS,
    injected: new Map(),
    interference: new Map(),
    cellEdit: null,
  };
  const supported = options.supportedExcelApi ?? '1.13';
  const interfere = (afterSyncs: number, edit: Interference) => {
    const at = runtime.stats.syncs + afterSyncs;
    runtime.interference.set(at, [...(runtime.interference.get(at) ?? []), edit]);
  };
  return {
    async run<T>(first: FakeRunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
      const batch = typeof first === 'function' ? first : second!;
      const options = typeof first === 'function' ? {} : first;
      const ctx = new FakeRequestContext(runtime, options.delayForCellEdit === true);
      ctx.workbook = new FakeWorkbook(ctx);
      try {
        const result = await batch(ctx as unknown as Excel.RequestContext);
        // Excel.run sends whatever is still queued when the batch returns.
        if (ctx.hasPending()) await ctx.sync();
        return result;
      } finally {
        ctx.closed = true;
      }
    },
    isSetSupported(name: string, minVersion = '1.1'): boolean {
      return name === 'ExcelApi' && versionAtLeast(supported, minVersion);
    },
    get state() {
      return runtime.state;
    },
    get stats() {
      return runtime.stats;
    },
    resetStats() {
      runtime.stats.syncs = 0;
      runtime.stats.requests = [];
      runtime.stats.maxMergedAreas = 0;
      runtime.injected.clear();
      runtime.interference.clear();
    },
    maxRequestBytes() {
      return runtime.stats.requests.reduce((m: number, r: SyncRecord) => Math.max(m, r.requestBytes), 0);
    },
    maxResponseBytes() {
      return runtime.stats.requests.reduce((m: number, r: SyncRecord) => Math.max(m, r.responseBytes), 0);
    },
    failSync(afterSyncs: number, code: FakeErrorCode, message: string) {
      runtime.injected.set(runtime.stats.syncs + afterSyncs, new FakeExcelError(code, message));
    },
    startCellEdit(code = 'InvalidOperation') {
      if (runtime.cellEdit) return;
      let end = () => {};
      const ended = new Promise<void>((resolve) => (end = resolve));
      runtime.cellEdit = { code, ended, end };
    },
    endCellEdit() {
      const editing = runtime.cellEdit;
      runtime.cellEdit = null;
      editing?.end();
    },
    interfere,
    insertRowsBeforeSync(afterSyncs: number, sheet: string, row: number, count: number) {
      interfere(afterSyncs, (state) => {
        const s = state.sheet(sheet);
        if (!s) throw new Error(`no sheet named ${sheet}`);
        s.insertRows(row - 1, count);
      });
    },
    dump() {
      return dumpWorkbook(runtime.state);
    },
    dumpSheet(name: string) {
      const s = runtime.state.sheet(name);
      if (!s) throw new Error(`no sheet named ${name}`);
      return dumpSheet(s);
    },
  };
}

export { FakeExcelError, type FakeErrorCode } from './errors';
export { PAYLOAD_LIMIT_BYTES, MAX_GET_CELLS, MAX_MERGED_AREAS, type FakeExcelStats, type Interference, type SyncRecord } from './context';
export type { FakeWorkbookSeed, FakeSheetSeed, FakeConditionalFormatSeed, SheetDump, WorkbookDump, CellDump, CellStyle, ConditionalFormatDump } from './model';
