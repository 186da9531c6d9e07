/**
 * The pane's as-of choice (AsOfControl): the day the check judges deadlines on, and whether the
 * sheet's as-of cell follows the calendar (=TODAY()) or holds that day fixed. The sheet's own
 * cell is read with the sheet (adopt), a ribbon check says what it used (fromRibbon), and a new
 * choice goes into the sheet's cell at once, without holding the pane busy: the host's workbook
 * lock orders it with a check clicked right after, and the results read again as of the new day
 * are shown only if nothing newer was shown meanwhile.
 */
import * as React from 'react';
import type { ISODate, Lang } from '../engine/model';
import type { AsOfSetting, CheckOutcome, CheckRequest, PlanHost } from '../hosts/plan-host';
import type { PlanView } from './plan-view';

export interface AsOfDeps {
  host: PlanHost;
  today: () => ISODate;
  lang: Lang;
  view: PlanView;
  /** Bumped by every result shown. */
  viewVersion: React.RefObject<number>;
  showOutcome: (outcome: CheckOutcome, when: ISODate, written: boolean, fromRibbon: boolean) => void;
  onError: (err: unknown) => void;
}

export function useAsOf(deps: AsOfDeps) {
  const { host, today, lang, view, viewVersion, showOutcome, onError } = deps;
  const [asOf, setDay] = React.useState<ISODate>(() => today());
  const [live, setLive] = React.useState(true);

  const show = React.useCallback(
    (setting: AsOfSetting): ISODate => {
      const day = setting.mode === 'fixed' ? setting.day : today();
      setDay(day);
      setLive(setting.mode === 'live');
      return day;
    },
    [today],
  );

  /** For a read of the sheet: what its as-of cell says becomes the pane's choice, and the day
   * the sheet is read as of (no cell: `fallback`, the pane's own choice, stands). */
  const adopt = React.useCallback((fallback: ISODate) => (setting: AsOfSetting | null): ISODate => (setting ? show(setting) : fallback), [show]);

  const fromRibbon = (day: ISODate, isLive: boolean) => show(isLive ? { mode: 'live' } : { mode: 'fixed', day });

  const choose = (setting: AsOfSetting) => {
    const day = show(setting);
    if (day === '' || !view.analysis) return;
    const written = view.written;
    void (async () => {
      try {
        await host.setAsOf(setting);
        const seen = viewVersion.current;
        const outcome = await host.inspect({ asOf: day, lang });
        if (viewVersion.current === seen) showOutcome(outcome, day, written, false);
      } catch (err) {
        onError(err);
      }
    })();
  };

  /** The check as the pane asks for it: a fixed day goes into the sheet's as-of cell. */
  const checkRequest = (): CheckRequest => (live ? { asOf, lang } : { asOf, lang, fixAsOf: true });

  return { asOf, live, adopt, fromRibbon, choose, checkRequest };
}
