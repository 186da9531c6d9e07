/**
 * How the ribbon commands talk to the task pane. Both run in the add-in's one shared runtime
 * (manifest: Runtimes lifetime="long"), so a module-level object is enough: a command posts what
 * the pane should show, and the pane — mounted now or later — receives it. Only the latest request
 * is kept for a pane that is not listening yet.
 */
import type { CheckOutcome } from '../hosts/plan-host';
import type { ISODate } from '../engine/model';

export type PaneTab = 'check' | 'report' | 'rollup';

export interface PaneRequest {
  tab: PaneTab;
  /** The result of a check run from the ribbon, to show as the pane's results; `live` when
   * the sheet's as-of cell follows the calendar (=TODAY()), false when it holds `asOf` fixed. */
  check?: { outcome: CheckOutcome; asOf: ISODate; live?: boolean };
  /** An error the command ran into, to show in the pane. */
  error?: string;
}

export type PaneListener = (request: PaneRequest) => void;

export class PaneChannel {
  private listener: PaneListener | null = null;
  private pending: PaneRequest | null = null;

  post(request: PaneRequest): void {
    if (this.listener) this.listener(request);
    else this.pending = request;
  }

  /** Returns the unsubscribe function. A request posted before anyone listened is delivered now. */
  subscribe(listener: PaneListener): () => void {
    this.listener = listener;
    const pending = this.pending;
    this.pending = null;
    if (pending) listener(pending);
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }
}

/** The runtime's one channel. */
export const paneChannel = new PaneChannel();
