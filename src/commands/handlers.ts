/**
 * What the ribbon buttons do, written against injected dependencies so that tests can run them
 * without Office. commands.ts wires them to Office.js.
 *
 * Every handler calls event.completed() exactly once, in a finally: Office waits for it, and a
 * handler that never completes leaves the button spinning (and, on the web, blocks others).
 */
import type { ISODate, Lang } from '../engine/model';
import type { PlanHost } from '../hosts/plan-host';
import { uiStrings } from '../taskpane/strings';
import type { PaneChannel } from '../taskpane/channel';

export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  host: () => PlanHost;
  channel: PaneChannel;
  lang: () => Lang;
  today: () => ISODate;
  /** Show the add-in's task pane (Office.addin.showAsTaskpane). */
  showPane: () => Promise<void>;
  /** Show a short message without opening the pane. */
  notify: (message: string, lang: Lang) => Promise<void>;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createCommandHandlers(deps: CommandDeps) {
  /** "Kiểm tra kế hoạch": check the active sheet; open the pane on the results when there is
   * something to fix, otherwise just say so. A sheet whose as-of cell holds a fixed day (a
   * review as of a cut-off) is checked as of that day and keeps it; otherwise as of today,
   * the cell live. */
  async function validatePlan(event: CommandEvent): Promise<void> {
    let lang: Lang = 'vi';
    try {
      lang = deps.lang();
      const t = uiStrings(lang);
      const host = deps.host();
      const setting = await host.readAsOf();
      const fixed = setting?.mode === 'fixed' ? setting.day : null;
      const asOf = fixed ?? deps.today();
      const outcome = await host.check(fixed ? { asOf, lang, fixAsOf: true } : { asOf, lang });
      deps.channel.post({ tab: 'check', check: { outcome, asOf, live: !fixed } });
      if (!outcome.ok || outcome.analysis.summary.errors + outcome.analysis.summary.warnings > 0) {
        await deps.showPane();
      } else {
        const s = outcome.analysis.summary;
        try {
          await deps.notify(t.noticeNoProblems(s.tasks, s.infos), lang);
        } catch {
          // No dialog (one is already open, or the platform refused): the pane says the same.
          await deps.showPane();
        }
      }
    } catch (err) {
      deps.channel.post({ tab: 'check', error: uiStrings(lang).unexpectedError(describe(err)) });
      try {
        await deps.showPane();
      } catch {
        // Nothing more can be shown; completing the event is what matters now.
      }
    } finally {
      event.completed();
    }
  }

  /** "Báo cáo quý": open the pane on its report tab. */
  async function openReport(event: CommandEvent): Promise<void> {
    try {
      deps.channel.post({ tab: 'report' });
      await deps.showPane();
    } catch (err) {
      deps.channel.post({ tab: 'report', error: uiStrings(deps.lang()).unexpectedError(describe(err)) });
    } finally {
      event.completed();
    }
  }

  return { validatePlan, openReport };
}
