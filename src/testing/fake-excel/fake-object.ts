/**
 * The proxy base class and the one way a proxy gets its properties. The proxies (workbook.ts,
 * worksheet.ts, range.ts, format.ts, …) are the subset of the Excel JavaScript API the Office.js
 * host uses, over the fake workbook model. Names and shapes follow @types/office-js so that the
 * host, typed against the real API, runs on them unchanged. Anything not here throws
 * NotImplemented at sync, loudly. A property read before `load` + `sync` throws
 * PropertyNotLoaded; an assignment is queued (and counted in the request bytes) and applied at
 * sync.
 */
import { FakeExcelError, propertyNotLoaded } from './errors';
import type { FakeRequestContext } from './context';

type Resolver<E> = () => E | null;

/** How one property of an Excel JavaScript API object behaves on the fake. */
export interface ProxyProperty<E, V, P> {
  /** Its value when loaded, read from the entity at sync (null where Excel answers null).
   * Without it the proxy has no getter and loading the property is NotImplemented. */
  read?(entity: E, proxy: P): V | null;
  /** Applies an assignment at sync, in queue order. Without it the proxy has no setter. */
  write?(entity: E, value: V, proxy: P): void;
}

type EntityOf<P> = P extends FakeObject<infer E> ? E : never;

/** The properties of a proxy class, by name; the value types are the class's declared ones. */
export type ProxyProperties<P> = { [K in keyof P & string]?: ProxyProperty<EntityOf<P>, P[K], P> };

const propertyTables = new WeakMap<object, Record<string, ProxyProperty<unknown, unknown, unknown> | undefined>>();

/** Proxy base: resolves to a model entity at sync time (once, then remembered, like Excel's object ids). */
export abstract class FakeObject<E> {
  readonly _id: number;
  private _loaded = new Map<string, unknown>();
  private _children = new Map<string, unknown>();
  private _resolved = false;
  private _entity: E | null = null;
  private _null: boolean | undefined;

  /**
   * Give a proxy class its properties: a getter that returns the loaded value or throws
   * PropertyNotLoaded (or InvalidOperation on a null object), a setter that queues the write.
   * Declare each one on the class (`declare color: string;`) for its type.
   */
  static defineProperties<P extends FakeObject<unknown>>(cls: abstract new (...args: never[]) => P, table: ProxyProperties<P>): void {
    const specs = table as Record<string, ProxyProperty<unknown, unknown, P> | undefined>;
    propertyTables.set(cls.prototype, specs as Record<string, ProxyProperty<unknown, unknown, unknown> | undefined>);
    for (const [name, spec] of Object.entries(specs)) {
      const write = spec?.write;
      Object.defineProperty(cls.prototype, name, {
        configurable: true,
        enumerable: false,
        get: spec?.read
          ? function (this: P): unknown {
              return this._get(name);
            }
          : undefined,
        set: write
          ? function (this: P, value: unknown): void {
              this._set(name, value, (entity, copy) => write(entity, copy, this));
            }
          : undefined,
      });
    }
  }

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

  /** A navigation property (range.format, format.fill, …): made on first use, the same proxy after. */
  protected _child<C>(name: string, make: () => C): C {
    if (!this._children.has(name)) this._children.set(name, make());
    return this._children.get(name) as C;
  }

  /** The loaded value of a property, from the class's property table. */
  _read(prop: string, entity: E): unknown {
    const spec = propertyTables.get(Object.getPrototypeOf(this))?.[prop];
    if (!spec?.read) throw notImplemented(`${this._typeName}.${prop}`);
    return spec.read(entity, this);
  }
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

export const defineProperties = FakeObject.defineProperties;

export function notImplemented(what: string): FakeExcelError {
  return new FakeExcelError('NotImplemented', `FakeExcel does not implement ${what}; add it to src/testing/fake-excel if the host needs it.`);
}
