/**
 * Everything the task pane remembers and does, apart from its layout. It talks to the workbook
 * only through a PlanHost; every call is wrapped so that a failure becomes a visible message and
 * the pane stays usable. One operation runs at a time (the views disable their buttons while
 * `busy` is set).
 */
import * as React from 'react';
import type { ColumnRole, ISODate, Lang } from '../engine/model';
import type { AsOfSetting, CheckOutcome, PlanHost, ReportRequest } from '../hosts/plan-host';
import type { WorkbookState } from '../engine/settings';
import { legacyStrings } from './LegacyNotice';
import { uiStrings, type UiStrings } from './strings';
import type { PaneChannel, PaneRequest, PaneTab } from './channel';
import type { BusyKind, Notice, PlanView, ReportChoice } from './plan-view';
import { applyCorrection } from './view-model';
import { summaryText } from './summary';
import { useRibbonBusy, type RibbonActivity } from './use-ribbon-busy';
import { useAsOf } from './use-as-of';
import { downloadReportDocx, type SaveFile } from './report/download';
import { previewModel, settingsWithDocument } from './report/preview';
import { reportDocStrings } from './report/strings';

export interface PlanStateOptions {
  host: PlanHost;
  initialLang: Lang;
  initialTab?: PaneTab;
  /** Called when the user switches language (to remember the choice). */
  onLangChange?: (lang: Lang) => void;
  /** Requests from the ribbon commands (shared runtime). */
  channel?: PaneChannel;
  today: () => ISODate;
  /** Whether a ribbon command holds the workbook lock (the pane shows busy meanwhile). */
  ribbonActivity?: RibbonActivity;
  /** How a made file reaches the user (the browser's downloads; tests keep it). */
  saveFile?: SaveFile;
}

export interface PlanState {
  lang: Lang;
  t: UiStrings;
  tab: PaneTab;
  busy: BusyKind | null;
  error: string | null;
  notice: Notice | null;
  /** What the status line says when nothing is running (also read by screen readers). */
  announcement: string;
  /** Settings and corrections stored in the workbook, once read. */
  workbook: WorkbookState | null;
  /** The day the check tab judges deadlines on (today when live). */
  asOf: ISODate;
  /** The sheet's as-of cell follows the calendar (=TODAY()); false when `asOf` is fixed there. */
  asOfLive: boolean;
  view: PlanView;
  /** The report sheet the user is asked about replacing; null when no question is pending. */
  replacing: string | null;

  setTab: (tab: PaneTab) => void;
  /** Fix the day (typed, picked or the review cut-off): the sheet's as-of cell takes it at once
   * when the sheet has one, and the results are read again as of that day. */
  setAsOf: (asOf: ISODate) => void;
  /** Back to live: as of today, the sheet's as-of cell =TODAY(). */
  setAsOfLive: () => void;
  dismissError: () => void;
  dismissNotice: () => void;
  switchLang: (next: Lang) => void;
  readAgain: () => void;
  check: () => void;
  correct: (letter: string, role: ColumnRole | 'none') => void;
  clearCorrections: () => void;
  select: (address: string) => void;
  buildReport: (choice: ReportChoice) => void;
  /** The Word report of the choice, handed to the browser as a download. */
  downloadReport: (choice: ReportChoice) => void;
  answerReplace: (replace: boolean) => void;
  /** Rewrites the workbook's TCVN3/VNI cells as Unicode (after the notice asked); absent when
   * the host cannot. */
  convertLegacy?: () => void;
}

type Run = (kind: BusyKind, work: () => Promise<void>) => Promise<void>;
/** Renames the operation under way (what the spinner says); nothing when none runs. */
type Phase = (kind: BusyKind) => void;

function errorText(t: UiStrings, err: unknown): string {
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err);
  return t.unexpectedError(detail || '?');
}

/** Run one host operation: busy while it runs, any failure shown, never two at once. */
function useOperations(langRef: React.RefObject<Lang>) {
  const [busy, setBusy] = React.useState<BusyKind | null>(null);
  const busyRef = React.useRef(false);
  const [error, setError] = React.useState<string | null>(null);
  const run: Run = React.useCallback(
    async (kind, work) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(kind);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(errorText(uiStrings(langRef.current), err));
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [langRef],
  );
  const phase: Phase = React.useCallback((kind) => {
    if (busyRef.current) setBusy(kind);
  }, []);
  return { busy, error, setError, run, phase };
}

/** What was read from the workbook: its stored state and the analysis shown. */
function useSheetView(host: PlanHost, run: Run, today: () => ISODate) {
  const [workbook, setWorkbook] = React.useState<WorkbookState | null>(null);
  const [view, setView] = React.useState<PlanView>(() => ({ analysis: null, failure: null, written: false, fromRibbon: false, asOf: today() }));

  // Bumped by every result shown, so that a slow read cannot overwrite a newer result (e.g. a
  // check run from the ribbon while the pane was still reading the sheet).
  const viewVersion = React.useRef(0);

  const showOutcome = React.useCallback((outcome: CheckOutcome, when: ISODate, written: boolean, fromRibbon: boolean) => {
    viewVersion.current++;
    if (outcome.ok) setView({ analysis: outcome.analysis, failure: null, written, fromRibbon, asOf: when });
    else setView({ analysis: null, failure: outcome.message, written: false, fromRibbon, asOf: when });
  }, []);

  const readSheet = React.useCallback(
    (asked: ISODate, language: Lang, keepWritten = false, onAsOfCell?: (setting: AsOfSetting | null) => ISODate) =>
      run('reading', async () => {
        const started = ++viewVersion.current;
        const loaded = await host.loadState();
        setWorkbook(loaded);
        // The sheet's as-of cell, when asked: a day fixed there is the day the sheet is read as of.
        const when = onAsOfCell ? onAsOfCell(await host.readAsOf()) : asked;
        const outcome = await host.inspect({ asOf: when, lang: language });
        if (viewVersion.current !== started) return;
        setView((previous) => ({
          analysis: outcome.ok ? outcome.analysis : null,
          failure: outcome.ok ? null : outcome.message,
          written: keepWritten && previous.written && outcome.ok,
          fromRibbon: false,
          asOf: when,
        }));
      }),
    [host, run],
  );

  /** After saving a correction (inside the saving operation): the new state, then the sheet read with it. */
  const reloadAfterSave = async (when: ISODate, language: Lang) => {
    const loaded = await host.loadState();
    setWorkbook(loaded);
    const outcome = await host.inspect({ asOf: when, lang: language });
    showOutcome(outcome, when, false, false);
  };

  return { workbook, setWorkbook, view, viewVersion, showOutcome, readSheet, reloadAfterSave };
}

/** The question asked before a report sheet is replaced, as a promise the dialog answers. */
function useReplaceQuestion() {
  const [pending, setPending] = React.useState<{ sheetName: string; resolve: (yes: boolean) => void } | null>(null);
  const askReplace = (sheetName: string) =>
    new Promise<boolean>((resolve) => {
      setPending({ sheetName, resolve });
    });
  const answerReplace = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };
  return { replacing: pending?.sheetName ?? null, askReplace, answerReplace };
}

/** What every action needs: the host, the language, one operation at a time, the pane's messages. */
interface PaneTools {
  host: PlanHost;
  lang: Lang;
  t: UiStrings;
  run: Run;
  phase: Phase;
  setNotice: (notice: Notice | null) => void;
  setAnnouncement: (text: string) => void;
  setError: (error: string | null) => void;
}

type SheetView = ReturnType<typeof useSheetView>;

/** Saving a column-role correction (or clearing them all), then reading the sheet with it. */
function columnCorrections(tools: PaneTools, sheetView: SheetView) {
  const { host, lang, t, run, setNotice } = tools;
  const { view, workbook, reloadAfterSave } = sheetView;
  const correct = (letter: string, role: ColumnRole | 'none') => {
    const analysis = view.analysis;
    if (!analysis) return;
    void run('saving', async () => {
      const sheet = analysis.sheetName;
      const correction = applyCorrection(analysis, workbook?.corrections[sheet], letter, role);
      await host.saveCorrection(sheet, correction);
      const roleName = role === 'none' ? t.roleNone : t.roleNames[role];
      setNotice({ intent: 'success', text: t.correctionSaved(letter, roleName) });
      await reloadAfterSave(view.asOf, lang);
    });
  };

  const clearCorrections = () => {
    const analysis = view.analysis;
    if (!analysis) return;
    void run('saving', async () => {
      await host.saveCorrection(analysis.sheetName, {});
      setNotice({ intent: 'success', text: t.correctionsCleared });
      await reloadAfterSave(view.asOf, lang);
    });
  };
  return { correct, clearCorrections };
}

/** Building the report sheet, with the replace question, or the Word report; the document's
 * fields typed for it (agency, signer, …) are remembered in the workbook's settings. */
function useReportBuild(tools: PaneTools, sheetView: SheetView, today: () => ISODate, saveFile?: SaveFile) {
  const { host, lang, t, run, phase, setNotice, setAnnouncement, setError } = tools;
  const { workbook, setWorkbook } = sheetView;
  const remember = async (choice: ReportChoice) => {
    if (!workbook) return;
    const settings = settingsWithDocument(workbook.settings, { ...choice.document, ...(choice.agency?.trim() ? { agency: choice.agency.trim() } : {}) });
    if (!settings) return;
    await host.saveSettings(settings);
    setWorkbook({ ...workbook, settings });
  };
  const { replacing, askReplace, answerReplace } = useReplaceQuestion();
  // The sheet is read first (and the user perhaps asked whether to replace the report); only
  // once the host starts writing does the pane say it builds the report.
  const buildReport = (choice: ReportChoice) =>
    void run('reading', async () => {
      setNotice(null);
      const onStep = (step: 'analyse' | 'write') => {
        if (step === 'write') phase('report');
      };
      const request: ReportRequest = { ...choice, lang, confirmReplace: askReplace, onStep };
      const outcome = await host.buildReport(request);
      if (outcome.ok) {
        const text = outcome.replaced ? t.reportReplaced(outcome.sheetName) : t.reportBuilt(outcome.sheetName);
        setNotice({ intent: 'success', text });
        setAnnouncement(text);
        await remember(choice);
      } else if (outcome.cancelled) {
        setNotice({ intent: 'info', text: t.reportCancelled });
      } else {
        setError(outcome.message);
      }
    });

  // The Word report: the sheet read again (nothing written), the report built and packed in the
  // browser, handed over as a download.
  const downloadReport = (choice: ReportChoice) =>
    void run('report', async () => {
      setNotice(null);
      const outcome = await host.inspect({ asOf: choice.asOf, lang });
      if (!outcome.ok) return setError(outcome.message);
      const fields = { ...choice.document, ...(choice.agency?.trim() ? { agency: choice.agency.trim() } : {}) };
      const model = previewModel(outcome.analysis, { ...choice, document: fields }, workbook?.settings, lang, today());
      const file = await downloadReportDocx(model, saveFile);
      const text = reportDocStrings(lang).downloaded(file);
      setNotice({ intent: 'success', text });
      setAnnouncement(text);
      await remember(choice);
    });

  return { replacing, answerReplace, buildReport, downloadReport };
}

export function usePlanState(options: PlanStateOptions): PlanState {
  const { host, channel, onLangChange, today } = options;
  const [lang, setLang] = React.useState<Lang>(options.initialLang);
  const t = uiStrings(lang);
  const langRef = React.useRef(lang);
  langRef.current = lang; // read by callbacks that outlive a render
  const [tab, setTab] = React.useState<PaneTab>(options.initialTab ?? 'check');
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [announcement, setAnnouncement] = React.useState('');
  const { busy: ownBusy, error, setError, run, phase } = useOperations(langRef);
  const ribbonBusy = useRibbonBusy(options.ribbonActivity);
  const busy: BusyKind | null = ownBusy ?? (ribbonBusy ? 'ribbon' : null);
  const sheetView = useSheetView(host, run, today);
  const { workbook, view, showOutcome, readSheet } = sheetView;
  const asOfChoice = useAsOf({ host, today, lang, view, viewVersion: sheetView.viewVersion, showOutcome, onError: (err) => setError(errorText(t, err)) });
  const tools: PaneTools = { host, lang, t, run, phase, setNotice, setAnnouncement, setError };
  const { correct, clearCorrections } = columnCorrections(tools, sheetView);
  const report = useReportBuild(tools, sheetView, today, options.saveFile);

  // First look at the workbook when the pane opens; only once (later reads are the user's doing).
  const firstRead = React.useRef(false);
  React.useEffect(() => {
    if (firstRead.current) return;
    firstRead.current = true;
    void readSheet(asOfChoice.asOf, lang, false, asOfChoice.adopt(asOfChoice.asOf));
  }, [readSheet, asOfChoice, lang]);

  // Requests from the ribbon buttons.
  React.useEffect(() => {
    if (!channel) return undefined;
    return channel.subscribe((request: PaneRequest) => {
      setTab(request.tab);
      if (request.check) {
        asOfChoice.fromRibbon(request.check.asOf, request.check.live ?? true);
        showOutcome(request.check.outcome, request.check.asOf, request.check.outcome.ok, true);
        const outcome = request.check.outcome;
        if (outcome.ok) setAnnouncement(summaryText(uiStrings(langRef.current), outcome.analysis));
      }
      if (request.error) setError(request.error);
    });
  }, [channel, showOutcome, setError]);

  const switchLang = (next: Lang) => {
    if (next === lang) return;
    setLang(next);
    onLangChange?.(next);
    setAnnouncement('');
    setNotice(null);
    // Issue messages come from the engine in the language asked for: read again (nothing written).
    if (view.analysis) void readSheet(view.asOf, next, true);
  };

  const check = () =>
    void run('checking', async () => {
      setNotice(null);
      const request = asOfChoice.checkRequest();
      const outcome = await host.check(request);
      showOutcome(outcome, request.asOf, true, false);
      if (outcome.ok) setAnnouncement(summaryText(t, outcome.analysis));
    });

  // Rewrites the workbook's TCVN3/VNI cells (the notice has asked), then reads the sheet again.
  const convertLegacy = () =>
    void run('saving', async () => {
      setNotice(null);
      const outcome = await host.convertToUnicode!({ lang });
      if (!outcome.ok) return setError(outcome.message);
      const text = legacyStrings(lang).converted(outcome);
      setNotice({ intent: 'success', text });
      setAnnouncement(text);
      showOutcome(await host.inspect({ asOf: view.asOf, lang }), view.asOf, false, false);
    });

  // Selecting a row is quick and must not block the pane: no busy state, errors still shown.
  const select = (address: string) => {
    const analysis = view.analysis;
    if (!analysis) return;
    void (async () => {
      try {
        await host.select(analysis.sheetName, address);
        setAnnouncement(t.selectedAddress(address));
      } catch (err) {
        setError(errorText(t, err));
      }
    })();
  };

  return {
    lang,
    t,
    tab,
    busy,
    error,
    notice,
    announcement,
    workbook,
    asOf: asOfChoice.asOf,
    asOfLive: asOfChoice.live,
    view,
    ...report,
    setTab: (next: PaneTab) => {
      // What the live region last said belongs to the view being left.
      setAnnouncement('');
      setTab(next);
    },
    setAsOf: (day: ISODate) => asOfChoice.choose({ mode: 'fixed', day }),
    setAsOfLive: () => asOfChoice.choose({ mode: 'live' }),
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
    switchLang,
    readAgain: () => void readSheet(asOfChoice.asOf, lang, false, asOfChoice.adopt(asOfChoice.asOf)),
    check,
    correct,
    clearCorrections,
    select,
    convertLegacy: host.convertToUnicode ? convertLegacy : undefined,
  };
}
