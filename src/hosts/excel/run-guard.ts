/**
 * What every Excel.run of the add-in goes through: one lock for the task pane and the ribbon
 * commands, and a record of the last error Excel gave (for the support information).
 *
 * The lock: the pane and the ribbon run in one shared runtime but each call Excel.run on its
 * own. Two checks at once would interleave their syncs — both read the sheet, both find no
 * highlight rules of ours, both add theirs: a duplicated set, or one run deleting rules the
 * other just added. So a batch waits until the one before it has finished (first come, first
 * served); nothing is refused, and every run still reads the sheet afresh.
 *
 * Each batch is run for an owner ('pane', 'ribbon'), so that the pane can show that it is busy
 * while a ribbon command holds (or waits for) the lock (watch()).
 */
/** Excel.run as the add-in calls it: a batch run with a request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

type Listener = (busy: boolean) => void;

/** Who runs a batch: the task pane, a ribbon command, or (tests, tools) anyone. */
export type LockOwner = 'pane' | 'ribbon' | 'other';

export class WorkbookLock {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly listeners = new Set<Listener>();
  private readonly pendingBy = new Map<LockOwner, number>();
  private readonly watchers = new Map<LockOwner, Set<Listener>>();

  /** A batch is running or waiting. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Called with true when the first batch starts and false when the last one ends. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Called with true when `owner`'s first batch is queued and false when its last one ends;
   * called at once with the present state. */
  watch(owner: LockOwner, listener: Listener): () => void {
    const set = this.watchers.get(owner) ?? new Set<Listener>();
    this.watchers.set(owner, set);
    set.add(listener);
    listener((this.pendingBy.get(owner) ?? 0) > 0);
    return () => void set.delete(listener);
  }

  run<T>(work: () => Promise<T>, owner: LockOwner = 'other'): Promise<T> {
    if (this.pending++ === 0) this.notify(this.listeners, true);
    const mine = this.pendingBy.get(owner) ?? 0;
    this.pendingBy.set(owner, mine + 1);
    if (mine === 0) this.notify(this.watchers.get(owner), true);
    const result = this.tail.then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tail = settled;
    void settled.then(() => {
      const left = (this.pendingBy.get(owner) ?? 1) - 1;
      this.pendingBy.set(owner, left);
      if (left === 0) this.notify(this.watchers.get(owner), false);
      if (--this.pending === 0) this.notify(this.listeners, false);
    });
    return result;
  }

  private notify(listeners: Set<Listener> | undefined, busy: boolean): void {
    for (const l of listeners ?? []) l(busy);
  }
}

/** The last error Excel (or the add-in's batch) threw, as an office IT person needs it. */
export interface RecordedError {
  /** When, ISO 8601. */
  at: string;
  /** Office.js error code (OfficeExtension.Error.code), or the error's name. */
  code: string;
  message: string;
  /** OfficeExtension.Error.debugInfo as JSON (errorLocation, statement, surrounding statements). */
  debugInfo: string | null;
}

export class ErrorLog {
  last: RecordedError | null = null;

  record(e: unknown, now = new Date()): void {
    type Shape = { code?: unknown; name?: unknown; message?: unknown; debugInfo?: unknown; cause?: unknown } | null;
    // The host wraps a failed write (WriteError): Excel's own error is its cause.
    const outer = e as Shape;
    const inner = outer?.cause as Shape;
    const err = inner && typeof inner.code === 'string' ? inner : outer;
    let debugInfo: string | null = null;
    try {
      debugInfo = err?.debugInfo === undefined ? null : JSON.stringify(err.debugInfo);
    } catch {
      debugInfo = String(err?.debugInfo);
    }
    this.last = {
      at: now.toISOString(),
      code: typeof err?.code === 'string' ? err.code : typeof err?.name === 'string' ? err.name : 'Error',
      message: typeof err?.message === 'string' ? err.message : String(err),
      debugInfo,
    };
  }
}

export interface RunGuard {
  lock?: WorkbookLock;
  /** Whose batches these are, for WorkbookLock.watch (default 'other'). */
  lockOwner?: LockOwner;
  errors?: ErrorLog;
}

/** `run` behind the lock, recording what it throws. */
export function guardRun(run: ExcelRun, guard: RunGuard): ExcelRun {
  const recorded: ExcelRun = async (batch) => {
    try {
      return await run(batch);
    } catch (e) {
      guard.errors?.record(e);
      throw e;
    }
  };
  const lock = guard.lock;
  return lock ? (batch) => lock.run(() => recorded(batch), guard.lockOwner) : recorded;
}
