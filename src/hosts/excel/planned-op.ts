/** An operation on the workbook, planned from a change set and queued in a sync group
 * (plan.ts, plan-block.ts; apply.ts runs them). */

/** What an operation may use when it is queued. */
export interface QueueScope {
  ctx: Excel.RequestContext;
  /** One proxy per sheet name per sync group. */
  sheet(name: string): Excel.Worksheet;
}

export interface PlannedOp {
  /** For diagnostics and tests. */
  label: string;
  bytes: number;
  queue(scope: QueueScope): void;
}
