/**
 * The pane and the ribbon share one workbook lock (src/hosts/excel/run-guard.ts): while a ribbon
 * command runs (or waits for the pane's batch to end), the pane says so and keeps its buttons
 * disabled, instead of looking idle and then queueing the user's click behind the ribbon's.
 */
import * as React from 'react';

/** Subscribes a listener to "a ribbon command holds or waits for the workbook"; returns the
 * unsubscribe function. The listener is called at once with the present state. */
export type RibbonActivity = (listener: (busy: boolean) => void) => () => void;

export function useRibbonBusy(activity: RibbonActivity | undefined): boolean {
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => (activity ? activity(setBusy) : undefined), [activity]);
  return busy;
}
