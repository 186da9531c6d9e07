/**
 * "Gỡ tô màu" and "Gỡ cột theo dõi" (TakeBack.tsx) over the host: the highlights at once; the
 * block at once when its statuses, dates and results are empty, otherwise only after the user
 * confirms how many would be lost (the host wrote nothing when it asked). The sheet is read
 * again afterwards (`onDone`) so the results show it as it now is.
 */
import * as React from 'react';
import type { Lang } from '../engine/model';
import type { CleanOutcome, PlanHost } from '../hosts/plan-host';
import type { LostCounts } from '../i18n/take-back';
import { takeBackStrings } from './take-back-strings';

export interface TakeBackResult {
  intent: 'success' | 'error';
  lines: string[];
}

export function useTakeBack(host: PlanHost, lang: Lang, onDone: () => void) {
  const [working, setWorking] = React.useState(false);
  const [asking, setAsking] = React.useState<LostCounts | null>(null);
  const [result, setResult] = React.useState<TakeBackResult | null>(null);
  const s = takeBackStrings(lang);

  const report = (scope: 'highlights' | 'block', outcome: CleanOutcome) => {
    if (!outcome.ok) return setResult({ intent: 'error', lines: [outcome.message] });
    if (scope === 'highlights') return setResult({ intent: 'success', lines: [s.highlightsRemoved] });
    const lines = [s.blockRemoved(outcome.removedColumns)];
    if (outcome.unrecorded) lines.push(s.unrecorded);
    else if (outcome.keptColumns.length > 0) lines.push(s.keptColumns(outcome.keptColumns));
    return setResult({ intent: 'success', lines });
  };

  const clean = async (scope: 'highlights' | 'block', allowLoss: boolean) => {
    if (!host.clean) return;
    setWorking(true);
    setResult(null);
    try {
      const outcome = await host.clean({ scope, lang, allowLoss });
      if (outcome.ok && outcome.outcome === 'needs-confirmation') {
        setAsking(outcome.lost);
        return;
      }
      report(scope, outcome);
      if (outcome.ok) onDone();
    } catch (err) {
      setResult({ intent: 'error', lines: [err instanceof Error ? err.message : String(err)] });
    } finally {
      setWorking(false);
    }
  };

  return {
    working,
    asking,
    result,
    removeHighlights: () => void clean('highlights', false),
    removeBlock: () => void clean('block', false),
    answer: (remove: boolean) => {
      setAsking(null);
      if (remove) void clean('block', true);
    },
  };
}
