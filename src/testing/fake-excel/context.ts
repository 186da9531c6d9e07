/**
 * The request context: operations are queued and only applied at sync(), in order, like
 * Excel's batches; each sync's request (object paths + actions, JSON) and response (loaded
 * values, JSON) are measured in UTF-8 bytes, and either over the limit makes the sync fail the
 * way Excel on the web does. A batch is not a transaction: when an action fails, the actions
 * before it stay applied and the rest are dropped, as in Excel.
 */
import { FakeExcelError } from './errors';
import { FakeObject } from './fake-object';
import type { WorkbookState } from './model';

/** Excel on the web: 5 MB for a request and for a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel: a range read is limited to 5 million cells. */
export const MAX_GET_CELLS = 5_000_000;
/** Range.getMergedAreasOrNullObject "will fail to return the result" past this many merged areas
 * (its JSDoc in @types/office-js). */
export const MAX_MERGED_AREAS = 512;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Error code when the sync failed. */
  failed: string | null;
}

export interface FakeExcelStats {
  syncs: number;
  requests: SyncRecord[];
  /** The most merged areas one getMergedAreasOrNullObject call covered (refused past 512). */
  maxMergedAreas: number;
}

/** Something another person (or Excel itself) does to the workbook between two syncs. */
export type Interference = (state: WorkbookState) => void;

export interface FakeRuntime {
  state: WorkbookState;
  stats: FakeExcelStats;
  payloadLimitBytes: number;
  /** Merged areas one getMergedAreasOrNullObject call may return (512 in Excel). */
  maxMergedAreas: number;
  /** Failures to inject, by sync number (1-based, counted over the fake's life). */
  injected: Map<number, FakeExcelError>;
  /** Co-author edits applied just before the sync of that number runs its actions. */
  interference: Map<number, Interference[]>;
  /** The user is typing in a cell: a batch fails with this code (or waits, with delayForCellEdit). */
  cellEdit: { code: 'InvalidOperation' | 'InvalidOperationInCellEditMode'; ended: Promise<void>; end: () => void } | null;
}

const encoder = new TextEncoder();
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

interface Action {
  target: FakeObject<unknown>;
  kind: 'load' | 'set' | 'call' | 'instantiate';
  name: string;
  payload: unknown;
  run: () => void;
}

/** Serialise arguments the way they travel: proxies by reference. */
function wire(value: unknown): unknown {
  if (value instanceof FakeObject) return { ref: value._id };
  if (Array.isArray(value)) return value.map(wire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = wire(v);
    return out;
  }
  return value;
}

export class FakeRequestContext {
  private queue: Action[] = [];
  private paths: unknown[] = [];
  private pendingLoads: { target: FakeObject<unknown>; values: Map<string, unknown> }[] = [];
  private nextId = 1;
  closed = false;
  /** Set by the workbook proxy's module to avoid a circular import. */
  workbook!: unknown;

  /** delayForCellEdit of Excel.run's options: wait for the user to leave the cell instead of failing. */
  constructor(
    readonly runtime: FakeRuntime,
    readonly delayForCellEdit = false,
  ) {}

  get state(): WorkbookState {
    return this.runtime.state;
  }

  /** Object paths travel like Office.js writes them (verbose JSON), so request sizes are close
   * to what Excel receives. */
  _newObjectId(path: { parent: number | null; method: string; args: unknown[] }): number {
    const id = this.nextId++;
    this.paths.push({
      Id: id,
      ObjectPathType: path.parent === null ? 1 : 3,
      Name: path.method,
      ParentObjectPathId: path.parent,
      ArgumentInfo: { Arguments: wire(path.args) },
    });
    return id;
  }

  _enqueue(action: Action): void {
    if (this.closed) {
      throw new FakeExcelError('InvalidObjectPath', 'The object path is not valid: its request context has finished (Excel.run has returned).');
    }
    if (action.target.context !== this) {
      throw new FakeExcelError('InvalidObjectPath', 'The object was created in another request context.');
    }
    const check = (v: unknown): void => {
      if (v instanceof FakeObject && v.context !== this) throw new FakeExcelError('InvalidObjectPath', 'An argument was created in another request context.');
      if (Array.isArray(v)) v.forEach(check);
    };
    check(action.payload);
    this.queue.push(action);
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  _pendLoad(target: FakeObject<unknown>, values: Map<string, unknown>): void {
    this.pendingLoads.push({ target, values });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeExcelError('InvalidObjectPath', 'sync() after Excel.run has returned.');
    const actions = this.queue;
    const paths = this.paths;
    this.queue = [];
    this.paths = [];
    this.pendingLoads = [];
    const actionType = { load: 'Query', set: 'SetProperty', call: 'Method', instantiate: 'Instantiate' } as const;
    const request = JSON.stringify({
      Actions: actions.map((a, i) => ({ Id: i + 1, ActionType: actionType[a.kind], Name: a.name, ObjectPathId: a.target._id, ArgumentInfo: { Arguments: wire(a.payload) } })),
      ObjectPaths: paths,
    });
    const record: SyncRecord = { requestBytes: utf8Bytes(request), responseBytes: 0, actions: actions.length, failed: null };
    const stats = this.runtime.stats;
    // Excel refuses a batch while the user edits a cell, or holds it until they leave the cell.
    const editing = this.runtime.cellEdit;
    if (editing && this.delayForCellEdit) await editing.ended;
    stats.syncs++;
    stats.requests.push(record);
    await Promise.resolve();
    if (editing && !this.delayForCellEdit && this.runtime.cellEdit === editing) {
      record.failed = editing.code;
      throw new FakeExcelError(editing.code, 'The request could not be processed because Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.');
    }
    const limit = this.runtime.payloadLimitBytes;
    const injected = this.runtime.injected.get(stats.syncs);
    if (injected) {
      record.failed = injected.code;
      throw injected;
    }
    for (const edit of this.runtime.interference.get(stats.syncs) ?? []) edit(this.runtime.state);
    if (record.requestBytes > limit) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.requestBytes} bytes > ${limit}).`);
    }
    try {
      for (const a of actions) a.run();
    } catch (e) {
      record.failed = e instanceof FakeExcelError ? e.code : 'GeneralException';
      this.pendingLoads = [];
      if (e instanceof FakeExcelError) throw e;
      throw new FakeExcelError('GeneralException', e instanceof Error ? e.message : String(e));
    }
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    let responseBytes = 0;
    for (const l of loads) responseBytes += utf8Bytes(JSON.stringify(Object.fromEntries(l.values)));
    record.responseBytes = responseBytes;
    if (responseBytes > limit) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes > ${limit}).`);
    }
    for (const l of loads) l.target._commit(l.values);
  }
}
