/**
 * The task pane. It talks to the workbook only through a PlanHost; every call is wrapped so that
 * a failure becomes a visible message and the pane stays usable. One operation runs at a time
 * (buttons are disabled and a spinner says what is happening, also to screen readers).
 */
import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Analysis, ColumnRole, ISODate, Lang } from '../engine/model';
import { todayISO } from '../engine/dates';
import type { CheckOutcome, PlanHost, ReportRequest } from '../hosts/plan-host';
import type { WorkbookState } from '../engine/settings';
import { uiStrings, type UiStrings } from '../i18n/ui';
import type { PaneChannel, PaneRequest, PaneTab } from './channel';
import { applyCorrection } from './view-model';
import { CheckTab } from './CheckTab';
import { ReportTab, type ReportChoice } from './ReportTab';
import { ConfirmReplaceDialog } from './ConfirmReplaceDialog';
import { LegacyNotice, legacyStrings } from './LegacyNotice';

export interface AppProps {
  host: PlanHost;
  initialLang: Lang;
  /** Called when the user switches language (to remember the choice). */
  onLangChange?: (lang: Lang) => void;
  /** Requests from the ribbon commands (shared runtime). */
  channel?: PaneChannel;
  initialTab?: PaneTab;
  /** Today's date; tests pin it. */
  today?: () => ISODate;
  dark?: boolean;
}

type BusyKind = 'reading' | 'checking' | 'saving' | 'report';

export interface PlanView {
  analysis: Analysis | null;
  /** Why no table could be read (one sentence from the host), when it could not. */
  failure: string | null;
  /** The results were written to the sheet (a check), not only read (an inspect). */
  written: boolean;
  fromRibbon: boolean;
  asOf: ISODate;
}

type Notice = { intent: 'success' | 'info'; text: string };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  lang: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  status: { minHeight: '20px' },
});

function errorText(t: UiStrings, err: unknown): string {
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err);
  return t.unexpectedError(detail || '?');
}

export function App(props: AppProps): React.JSX.Element {
  const { host, channel, onLangChange } = props;
  const today = props.today ?? todayISO;
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const t = uiStrings(lang);
  const [tab, setTab] = React.useState<PaneTab>(props.initialTab ?? 'check');
  const [busy, setBusy] = React.useState<BusyKind | null>(null);
  const busyRef = React.useRef(false);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [announcement, setAnnouncement] = React.useState('');
  const [state, setState] = React.useState<WorkbookState | null>(null);
  const [asOf, setAsOf] = React.useState<ISODate>(() => today());
  const [view, setView] = React.useState<PlanView>(() => ({ analysis: null, failure: null, written: false, fromRibbon: false, asOf: today() }));
  const [confirm, setConfirm] = React.useState<{ sheetName: string; resolve: (yes: boolean) => void } | null>(null);
  const langRef = React.useRef(lang);
  langRef.current = lang;

  /** Run one host operation: busy while it runs, any failure shown, never two at once. */
  const run = React.useCallback(
    async (kind: BusyKind, work: () => Promise<void>): Promise<void> => {
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
    [],
  );

  // Bumped by every result shown, so that a slow read cannot overwrite a newer result (e.g. a
  // check run from the ribbon while the pane was still reading the sheet).
  const viewVersion = React.useRef(0);

  const showOutcome = React.useCallback((outcome: CheckOutcome, when: ISODate, written: boolean, fromRibbon: boolean) => {
    viewVersion.current++;
    if (outcome.ok) setView({ analysis: outcome.analysis, failure: null, written, fromRibbon, asOf: when });
    else setView({ analysis: null, failure: outcome.message, written: false, fromRibbon, asOf: when });
  }, []);

  const readSheet = React.useCallback(
    (when: ISODate, language: Lang, keepWritten = false) =>
      run('reading', async () => {
        const started = ++viewVersion.current;
        const loaded = await host.loadState();
        setState(loaded);
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

  // First look at the workbook when the pane opens.
  // Only once: later reads are the user's (or a language switch's) doing.
  const firstRead = React.useRef(false);
  React.useEffect(() => {
    if (firstRead.current) return;
    firstRead.current = true;
    void readSheet(asOf, lang);
  }, [readSheet, asOf, lang]);

  // Requests from the ribbon buttons.
  React.useEffect(() => {
    if (!channel) return undefined;
    return channel.subscribe((request: PaneRequest) => {
      setTab(request.tab);
      if (request.check) {
        setAsOf(request.check.asOf);
        showOutcome(request.check.outcome, request.check.asOf, request.check.outcome.ok, true);
      }
      if (request.error) setError(request.error);
    });
  }, [channel, showOutcome]);

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
    run('checking', async () => {
      setNotice(null);
      const outcome = await host.check({ asOf, lang });
      showOutcome(outcome, asOf, true, false);
      if (outcome.ok) {
        const s = outcome.analysis.summary;
        setAnnouncement(s.errors + s.warnings + s.infos === 0 ? t.noIssues(s.tasks) : t.summary(s.tasks, s.errors, s.warnings, s.infos));
      }
    });

  const correct = (letter: string, role: ColumnRole | 'none') => {
    const analysis = view.analysis;
    if (!analysis) return;
    void run('saving', async () => {
      const sheet = analysis.sheetName;
      const correction = applyCorrection(analysis, state?.corrections[sheet], letter, role);
      await host.saveCorrection(sheet, correction);
      const roleName = role === 'none' ? t.roleNone : t.roleNames[role];
      setNotice({ intent: 'success', text: t.correctionSaved(letter, roleName) });
      const loaded = await host.loadState();
      setState(loaded);
      const outcome = await host.inspect({ asOf: view.asOf, lang });
      showOutcome(outcome, view.asOf, false, false);
    });
  };

  const clearCorrections = () => {
    const analysis = view.analysis;
    if (!analysis) return;
    void run('saving', async () => {
      await host.saveCorrection(analysis.sheetName, {});
      setNotice({ intent: 'success', text: t.correctionsCleared });
      const loaded = await host.loadState();
      setState(loaded);
      const outcome = await host.inspect({ asOf: view.asOf, lang });
      showOutcome(outcome, view.asOf, false, false);
    });
  };

  // Selecting a row is quick and must not block the pane: no busy state, errors still shown.
  const select = async (address: string) => {
    const analysis = view.analysis;
    if (!analysis) return;
    try {
      await host.select(analysis.sheetName, address);
      setAnnouncement(t.selectedAddress(address));
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const askReplace = (sheetName: string) =>
    new Promise<boolean>((resolve) => {
      setConfirm({ sheetName, resolve });
    });

  const answerReplace = (yes: boolean) => {
    confirm?.resolve(yes);
    setConfirm(null);
  };

  const buildReport = (choice: ReportChoice) =>
    run('report', async () => {
      setNotice(null);
      const request: ReportRequest = { ...choice, lang, confirmReplace: askReplace };
      const outcome = await host.buildReport(request);
      if (outcome.ok) {
        const text = outcome.replaced ? t.reportReplaced(outcome.sheetName) : t.reportBuilt(outcome.sheetName);
        setNotice({ intent: 'success', text });
        setAnnouncement(text);
        const agency = choice.agency?.trim();
        if (state && agency && agency !== state.settings.agency) {
          const settings = { ...state.settings, agency };
          await host.saveSettings(settings);
          setState({ ...state, settings });
        }
      } else if (outcome.cancelled) {
        setNotice({ intent: 'info', text: t.reportCancelled });
      } else {
        setError(outcome.message);
      }
    });

  // Rewrites the workbook's TCVN3/VNI cells (the notice has asked), then reads the sheet again.
  const convertLegacy = () =>
    run('saving', async () => {
      setNotice(null);
      const outcome = await host.convertToUnicode!({ lang });
      if (!outcome.ok) return setError(outcome.message);
      const text = legacyStrings(lang).converted(outcome);
      setNotice({ intent: 'success', text });
      setAnnouncement(text);
      showOutcome(await host.inspect({ asOf: view.asOf, lang }), view.asOf, false, false);
    });

  const busyText: Record<BusyKind, string> = {
    reading: t.busyReading,
    checking: t.busyChecking,
    saving: t.busySaving,
    report: t.busyReport,
  };

  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={lang === 'vi' ? 'vi-VN' : 'en-US'}>
      <main className={styles.root} aria-busy={busy !== null}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t.appTitle}
          </Title3>
          <div className={styles.lang}>
            <label htmlFor="pane-language">{t.languageLabel}</label>
            <Select id="pane-language" size="small" value={lang} onChange={(_, data) => switchLang(data.value as Lang)}>
              <option value="vi" lang="vi">
                {t.langNames.vi}
              </option>
              <option value="en" lang="en">
                {t.langNames.en}
              </option>
            </Select>
          </div>
        </header>

        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as PaneTab)}>
          <Tab value="check" id="tab-check" aria-controls="panel-check">
            {t.tabCheck}
          </Tab>
          <Tab value="report" id="tab-report" aria-controls="panel-report">
            {t.tabReport}
          </Tab>
        </TabList>

        <div role="status" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="pane-status">
          {busy ? <Spinner size="tiny" labelPosition="after" label={busyText[busy]} /> : announcement}
        </div>

        {error && (
          <div role="alert">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                {error}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setError(null)}>
                  {t.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        )}

        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setNotice(null)}>
                {t.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        <LegacyNotice lang={lang} analysis={view.analysis} busy={busy !== null} onConvert={host.convertToUnicode ? convertLegacy : undefined} />

        <section id="panel-check" role="tabpanel" aria-labelledby="tab-check" hidden={tab !== 'check'}>
          <CheckTab
            t={t}
            lang={lang}
            view={view}
            corrections={view.analysis ? state?.corrections[view.analysis.sheetName] : undefined}
            busy={busy !== null}
            asOf={asOf}
            onAsOfChange={setAsOf}
            onCheck={check}
            onReadAgain={() => void readSheet(asOf, lang)}
            onCorrect={correct}
            onClearCorrections={clearCorrections}
            onSelect={(address) => void select(address)}
          />
        </section>

        <section id="panel-report" role="tabpanel" aria-labelledby="tab-report" hidden={tab !== 'report'}>
          <ReportTab
            t={t}
            lang={lang}
            today={today()}
            periods={state?.settings.periods}
            analysis={view.analysis}
            defaultAgency={state?.settings.agency ?? view.analysis?.agency ?? ''}
            busy={busy !== null}
            onBuild={(choice) => void buildReport(choice)}
          />
        </section>

        <ConfirmReplaceDialog t={t} sheetName={confirm?.sheetName ?? null} onAnswer={answerReplace} />
      </main>
    </FluentProvider>
  );
}
