/**
 * The task pane's layout: header with the language switch, the two tabs, the status line, the
 * error and notice bars and the replace question. What it shows and does comes from
 * usePlanState (use-plan-state.ts), which talks to the workbook through a PlanHost.
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
import type { ISODate, Lang } from '../engine/model';
import { todayISO } from '../engine/dates';
import type { PlanHost } from '../hosts/plan-host';
import type { PaneChannel, PaneTab } from './channel';
import type { BusyKind, Notice } from './plan-view';
import type { UiStrings } from './strings';
import { usePlanState } from './use-plan-state';
import { CheckTab } from './CheckTab';
import { ReportTab } from './ReportTab';
import { RollupTab } from './rollup/RollupTab';
import { rollupStrings } from './rollup/strings';
import { ConfirmReplaceDialog } from './ConfirmReplaceDialog';
import { Diagnostics } from './Diagnostics';
import type { SupportInfo } from '../hosts/excel/support-text';
import { LegacyNotice } from './LegacyNotice';
import { TakeBack } from './TakeBack';
import type { RibbonActivity } from './use-ribbon-busy';
import { SR_ONLY, useVisuallyHidden } from './visually-hidden';
import type { SaveFile } from './report/download';

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
  /** Gathers the support information (Diagnostics.tsx); the section is shown when given. */
  supportInfo?: () => Promise<SupportInfo>;
  /** Whether a ribbon command holds the workbook (use-ribbon-busy.ts). */
  ribbonActivity?: RibbonActivity;
  /** How the Word report reaches the user (default: the browser's downloads; tests keep it). */
  saveFile?: SaveFile;
}

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
  // The busy line keeps its height when idle so that the pane below does not jump.
  busyLine: { minHeight: '20px' },
});

function LanguageSwitch(props: { t: UiStrings; lang: Lang; className: string; onChange: (lang: Lang) => void }): React.JSX.Element {
  const { t } = props;
  return (
    <div className={props.className}>
      <label htmlFor="pane-language">{t.languageLabel}</label>
      <Select id="pane-language" size="small" value={props.lang} onChange={(_, data) => props.onChange(data.value as Lang)}>
        <option value="vi" lang="vi">
          {t.langNames.vi}
        </option>
        <option value="en" lang="en">
          {t.langNames.en}
        </option>
      </Select>
    </div>
  );
}

function ErrorBar(props: { t: UiStrings; error: string; onDismiss: () => void }): React.JSX.Element {
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{props.t.errorTitle}</MessageBarTitle>
          {props.error}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={props.onDismiss}>
            {props.t.dismiss}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

function NoticeBar(props: { t: UiStrings; notice: Notice; onDismiss: () => void }): React.JSX.Element {
  return (
    <MessageBar intent={props.notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>{props.notice.text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onDismiss}>
          {props.t.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function App(props: AppProps): React.JSX.Element {
  const today = props.today ?? todayISO;
  const styles = useStyles();
  const pane = usePlanState({
    host: props.host,
    initialLang: props.initialLang,
    initialTab: props.initialTab,
    onLangChange: props.onLangChange,
    channel: props.channel,
    today,
    ribbonActivity: props.ribbonActivity,
    saveFile: props.saveFile,
  });
  const { t, lang, tab, busy, error, notice, view, workbook } = pane;
  const hidden = useVisuallyHidden().hidden;
  // Scroll bars and form controls the browser draws follow the theme too.
  React.useEffect(() => {
    document.documentElement.style.colorScheme = props.dark ? 'dark' : 'light';
  }, [props.dark]);

  const busyText: Record<BusyKind, string> = {
    reading: t.busyReading,
    checking: t.busyChecking,
    saving: t.busySaving,
    report: t.busyReport,
    ribbon: t.busyRibbon,
  };

  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={lang === 'vi' ? 'vi-VN' : 'en-US'}>
      <main className={styles.root} aria-busy={busy !== null}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t.appTitle}
          </Title3>
          <LanguageSwitch t={t} lang={lang} className={styles.lang} onChange={pane.switchLang} />
        </header>

        <TabList aria-label={t.tabsLabel} selectedValue={tab} onTabSelect={(_, data) => pane.setTab(data.value as PaneTab)}>
          <Tab value="check" id="tab-check" aria-controls="panel-check">
            {t.tabCheck}
          </Tab>
          <Tab value="report" id="tab-report" aria-controls="panel-report">
            {t.tabReport}
          </Tab>
          <Tab value="rollup" id="tab-rollup" aria-controls="panel-rollup">
            {rollupStrings(lang).tab}
          </Tab>
        </TabList>

        {/* One live region says what happens (busy, a check's summary, a report built, a row
            selected) to screen readers; on screen each of these is shown once, where it belongs
            (the spinner here, the summary in the results, the report in the notice bar). The
            spinner waits while the pane asks a question: it never runs behind a dialog. */}
        <div role="status" aria-live="polite" aria-atomic="true" className={hidden} {...SR_ONLY} data-testid="pane-status">
          {pane.replacing ? '' : busy ? busyText[busy] : pane.announcement}
        </div>
        <div className={styles.busyLine} aria-hidden="true">
          {busy && !pane.replacing ? <Spinner size="tiny" labelPosition="after" label={busyText[busy]} data-testid="pane-spinner" /> : null}
        </div>

        {error && <ErrorBar t={t} error={error} onDismiss={pane.dismissError} />}
        {notice && <NoticeBar key={notice.text} t={t} notice={notice} onDismiss={pane.dismissNotice} />}

        <LegacyNotice lang={lang} analysis={view.analysis} busy={busy !== null} onConvert={pane.convertLegacy} />

        <section id="panel-check" role="tabpanel" aria-labelledby="tab-check" hidden={tab !== 'check'}>
          <CheckTab
            t={t}
            lang={lang}
            view={view}
            corrections={view.analysis ? workbook?.corrections[view.analysis.sheetName] : undefined}
            busy={busy !== null}
            asOf={pane.asOf}
            asOfLive={pane.asOfLive}
            today={today()}
            periods={workbook?.settings.periods}
            onAsOfChange={pane.setAsOf}
            onAsOfLive={pane.setAsOfLive}
            onCheck={pane.check}
            onReadAgain={pane.readAgain}
            onCorrect={pane.correct}
            onClearCorrections={pane.clearCorrections}
            onSelect={pane.select}
          />
          <TakeBack host={props.host} lang={lang} busy={busy !== null} disabled={!view.analysis} onDone={pane.readAgain} />
        </section>

        <section id="panel-report" role="tabpanel" aria-labelledby="tab-report" hidden={tab !== 'report'}>
          <ReportTab
            t={t}
            lang={lang}
            today={today()}
            periods={workbook?.settings.periods}
            analysis={view.analysis}
            settings={workbook?.settings}
            busy={busy !== null}
            active={tab === 'report'}
            onBuild={pane.buildReport}
            onDownload={pane.downloadReport}
          />
        </section>

        <section id="panel-rollup" role="tabpanel" aria-labelledby="tab-rollup" hidden={tab !== 'rollup'}>
          <RollupTab active={tab === 'rollup'} host={props.host} lang={lang} t={t} today={today()} settings={workbook?.settings} paneBusy={busy !== null} saveFile={props.saveFile} />
        </section>

        {props.supportInfo && <Diagnostics lang={lang} collect={props.supportInfo} />}

        <ConfirmReplaceDialog t={t} sheetName={pane.replacing} onAnswer={pane.answerReplace} />
      </main>
    </FluentProvider>
  );
}
