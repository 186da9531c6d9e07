/**
 * The request context and the proxy base class: operations are queued and only applied at
 * sync(), in order, like Excel's batches; a property read before `load` + `sync` throws
 * PropertyNotLoaded; each sync's request (object paths + actions, JSON) and response (loaded
 * values, JSON) are measured in UTF-8 bytes, and either over the limit makes the sync fail the
 * way Excel on the web does. A batch is not a transaction: when an action fails, the actions
 * before it stay applied and the rest are dropped, as in Excel.
 */
import { FakeExcelError, propertyNotLoaded } from './errors';
import type { WorkbookState } from './model';

/** Excel on the web: 5 MB for a request and for a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel: a range read is limited to 5 million cells. */
export const MAX_GET_CELLS = 5_000_000;

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
}

export interface FakeRuntime {
  state: WorkbookState;
  stats: FakeExcelStats;
  payloadLimitBytes: number;
  /** Failures to inject, by sync number (1-based, counted over the fake's life). */
  injected: Map<number, FakeExcelError>;
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

  constructor(readonly runtime: FakeRuntime) {}

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
    stats.syncs++;
    stats.requests.push(record);
    await Promise.resolve();
    const limit = this.runtime.payloadLimitBytes;
    const injected = this.runtime.injected.get(stats.syncs);
    if (injected) {
      record.failed = injected.code;
      throw injected;
    }
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

type Resolver<E> = () => E | null;

/** Proxy base: resolves to a model entity at sync time (once, then remembered, like Excel's object ids). */
export abstract class FakeObject<E> {
  readonly _id: number;
  private _loaded = new Map<string, unknown>();
  private _resolved = false;
  private _entity: E | null = null;
  private _null: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _typeName: string,
    private readonly _resolver: Resolver<E>,
    path: { parent: FakeObject<unknown> | null; method: string; args?: unknown[] },
    protected readonly _nullable = false,
  ) {
    this._id = context._newObjectId({ parent: path.parent ? path.parent._id : null, method: path.method, args: path.args ?? [] });
    if (_nullable) {
      // Excel tells whether an *OrNullObject exists at the next sync even when nothing else uses it.
      context._enqueue({ target: this as FakeObject<unknown>, kind: 'instantiate', name: '', payload: null, run: () => void this._resolve() });
    }
  }

  /** The entity, or null for a null object. Throws ItemNotFound for a missing non-nullable object. */
  _resolve(): E | null {
    if (!this._resolved) {
      const e = this._resolver();
      if (e === null && !this._nullable) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (${this._typeName}).`);
      this._entity = e;
      this._resolved = true;
      this._null = e === null;
    }
    return this._entity;
  }

  /** The entity for an action; acting on a null object is an error. */
  _target(): E {
    const e = this._resolve();
    if (e === null) throw new FakeExcelError('InvalidOperation', `The ${this._typeName} is a null object; check isNullObject before using it.`);
    this._checkAlive(e);
    return e;
  }

  /** Subclasses check that the entity still exists (e.g. its sheet was not deleted). */
  protected _checkAlive(entity: E): void {
    void entity;
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded(this._typeName, 'isNullObject');
    return this._null;
  }

  _commit(values: Map<string, unknown>): void {
    for (const [k, v] of values) this._loaded.set(k, v);
  }

  protected _get<T>(prop: string): T {
    if (this._null === true) throw new FakeExcelError('InvalidOperation', `The ${this._typeName} is a null object; '${prop}' has no value.`);
    if (!this._loaded.has(prop)) throw propertyNotLoaded(this._typeName, prop);
    return this._loaded.get(prop) as T;
  }

  /** Queue a property write; the value is copied now, as Office.js serialises it when queued. */
  protected _set<V>(prop: string, value: V, apply: (entity: E, value: V) => void): void {
    const copy = (value === undefined ? null : JSON.parse(JSON.stringify(value))) as V;
    this.context._enqueue({ target: this as FakeObject<unknown>, kind: 'set', name: prop, payload: copy, run: () => apply(this._target(), copy) });
  }

  protected _call(name: string, args: unknown[], apply: (entity: E) => void): void {
    this.context._enqueue({ target: this as FakeObject<unknown>, kind: 'call', name, payload: args, run: () => apply(this._target()) });
  }

  /** Names this proxy can load, and how. */
  protected abstract _read(prop: string, entity: E): unknown;
  /** Collections override this to turn "items/x" paths into loaded item proxies. */
  protected _readAll(props: string[], entity: E): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const p of props) values.set(p, this._read(p, entity));
    return values;
  }
  protected _defaultLoad(): string[] {
    return [];
  }

  /** `load("a,b")`, `load(["a","b"])`, `load({ select: "a,b" })`; "items/x" on collections. */
  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    let props: string[];
    if (spec === undefined) props = this._defaultLoad();
    else if (typeof spec === 'string') props = spec.split(',');
    else if (Array.isArray(spec)) props = spec;
    else props = (spec.select ?? '').split(',');
    props = props.map((p) => p.trim()).filter((p) => p !== '');
    this.context._enqueue({
      target: this as FakeObject<unknown>,
      kind: 'load',
      name: props.join(','),
      payload: null,
      run: () => {
        const e = this._resolve();
        if (e === null) return;
        this._checkAlive(e);
        this.context._pendLoad(this as FakeObject<unknown>, this._readAll(props, e));
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

export function notImplemented(what: string): FakeExcelError {
  return new FakeExcelError('NotImplemented', `FakeExcel does not implement ${what}; add it to src/testing/fake-excel if the host needs it.`);
}
