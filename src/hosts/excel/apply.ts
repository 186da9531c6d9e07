/**
 * Sends planned operations to Excel: packed in order into groups that fit the request budget,
 * each group queued and sent with one sync. A change set that fits the budget (every plan we
 * have seen, and 20,000-row sheets) is therefore one sync: Excel refuses an oversized request
 * before doing any of it, and everything that could make Excel refuse an operation (protected
 * sheet, bad address, text too long…) is checked before the first operation is queued.
 */
import { packGroups } from './payload';
import type { PlannedOp, QueueScope } from './plan';
import { RowsMovedError, sameValues, type KeyCells } from './coauthor';

/** An Excel error during the writes, with how many groups were already sent. */
export class WriteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly groupsDone: number,
    readonly groupsTotal: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'WriteError';
  }
}

export interface ExecuteReport {
  syncs: number;
  groups: number;
  /** Estimated bytes of each group. */
  groupBytes: number[];
}

/**
 * `keys`: cells re-read at the start of every group's batch, before its writes, and compared after
 * the sync with what the analysis read; a difference means a co-author moved the rows and throws
 * RowsMovedError (coauthor.ts) once the group is done.
 */
export async function executePlan(ctx: Excel.RequestContext, ops: readonly PlannedOp[], budgetBytes: number, keys: readonly KeyCells[] = []): Promise<ExecuteReport> {
  const groups = packGroups(ops, budgetBytes);
  let done = 0;
  for (const group of groups) {
    const reread = keys.map((k) => ({ k, range: ctx.workbook.worksheets.getItem(k.sheet).getRange(k.address).load('values') }));
    const proxies = new Map<string, Excel.Worksheet>();
    const scope: QueueScope = {
      ctx,
      sheet(name: string) {
        let ws = proxies.get(name);
        if (!ws) {
          ws = ctx.workbook.worksheets.getItem(name);
          proxies.set(name, ws);
        }
        return ws;
      },
    };
    for (const op of group) op.queue(scope);
    try {
      await ctx.sync();
    } catch (e) {
      throw new WriteError(e, done, groups.length);
    }
    done++;
    if (reread.some(({ k, range }) => !sameValues(range.values, k.expected))) throw new RowsMovedError(done, groups.length);
  }
  return { syncs: groups.length, groups: groups.length, groupBytes: groups.map((g) => g.reduce((n, op) => n + op.bytes, 0)) };
}
