/**
 * The check's results: a summary line, then one group per issue code (worst first) listing the
 * rows concerned. Each row is a real <button>, so it is reached with Tab and activated with Enter
 * or Space; activating it selects that row in the sheet. Long groups are shown a page at a time
 * so that a sheet with thousands of problems cannot freeze the pane.
 *
 * A card does not repeat its group's title: a message that says nothing of its own row (the
 * issue's wording without any of the row's facts) is left out; where that wording explains more
 * than the title, the group says it once. Screen readers still hear the issue's title on each
 * card, as they may reach a card without passing its heading.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Analysis, IssueCode, Lang, Severity } from '../engine/model';
import { issueMessage } from '../i18n/issues';
import type { UiStrings } from './strings';
import { groupIssues, type IssueGroup, type IssueItem } from './view-model';
import { issueTitle } from './issue-titles';
import { summaryText } from './summary';
import { SR_ONLY, useVisuallyHidden } from './visually-hidden';

const PAGE = 100;
const TEXT_LIMIT = 160;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  // The badge keeps its column; the title wraps beside it, never under it, and the count stays
  // whole, glued to the title's last word.
  header: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  badge: { flexShrink: 0, marginTop: '2px' },
  headerText: { flexGrow: 1, minWidth: 0, overflowWrap: 'break-word' },
  count: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  explanation: { display: 'block', marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  where: { fontWeight: tokens.fontWeightSemibold },
  task: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  message: { overflowWrap: 'anywhere' },
});

function shorten(text: string): string {
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text;
}

/** Codes whose wording, said without a row's facts, explains more than the group's title. */
const EXPLAINED: ReadonlySet<IssueCode> = new Set(['output-unquantified', 'deadline-not-fixed']);

/** The issue's wording with none of a row's facts in it. */
function genericMessage(code: IssueCode, lang: Lang): string {
  return issueMessage(code, {}, lang);
}

/** What the generic wording says beyond the title: the part after "…: " when it has one. */
function explanationOf(code: IssueCode, lang: Lang): string {
  const generic = genericMessage(code, lang);
  const colon = generic.indexOf(': ');
  const rest = colon >= 0 ? generic.slice(colon + 2) : generic;
  return rest.charAt(0).toLocaleUpperCase(lang) + rest.slice(1);
}

function IssueButton(props: { t: UiStrings; item: IssueItem; title: string; showMessage: boolean; onSelect: (address: string) => void }): React.JSX.Element {
  const { t, item } = props;
  const styles = useStyles();
  const hidden = useVisuallyHidden().hidden;
  const excelRow = item.row + 1;
  return (
    <button
      type="button"
      className={styles.item}
      title={t.goToRow(excelRow)}
      data-address={item.address}
      onClick={() => props.onSelect(item.address)}
    >
      <span className={hidden} {...SR_ONLY}>
        {props.title}:{' '}
      </span>
      <span className={styles.where}>
        {t.rowLabel(excelRow)}
        {item.stt ? ` · ${t.sttLabel(item.stt)}` : ''}
      </span>
      {item.taskText ? <span className={styles.task}>{shorten(item.taskText)}</span> : null}
      {props.showMessage ? <span className={styles.message}>{item.message}</span> : null}
    </button>
  );
}

function Group(props: { t: UiStrings; lang: Lang; group: IssueGroup; onSelect: (address: string) => void }): React.JSX.Element {
  const { t, group } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const rest = group.items.length - shown;
  const title = issueTitle(group.code, props.lang);
  const generic = genericMessage(group.code, props.lang);
  const saysItsRow = (item: IssueItem) => item.message !== generic && item.message !== title;
  const explained = EXPLAINED.has(group.code) && group.items.some((item) => !saysItsRow(item));
  return (
    <AccordionItem value={group.code}>
      <AccordionHeader as="h3" expandIconPosition="end">
        <span className={styles.header} data-testid={`group-${group.code}`}>
          <Badge className={styles.badge} appearance="filled" color={BADGE_COLOR[group.severity]}>
            {t.severityNames[group.severity]}
          </Badge>
          <span className={styles.headerText}>
            {title}
            {'\u00a0'}
            <Caption1 className={styles.count}>({t.issueCount(group.items.length)})</Caption1>
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {explained ? (
          <Caption1 className={styles.explanation} data-testid={`explain-${group.code}`}>
            {explanationOf(group.code, props.lang)}
          </Caption1>
        ) : null}
        <ul className={styles.list}>
          {group.items.slice(0, shown).map((item, i) => (
            <li key={`${item.row}-${i}`}>
              <IssueButton t={t} item={item} title={title} showMessage={saysItsRow(item)} onSelect={props.onSelect} />
            </li>
          ))}
        </ul>
        {rest > 0 ? (
          <Button size="small" appearance="subtle" onClick={() => setShown(shown + PAGE)}>
            {t.showMore(Math.min(rest, PAGE))}
          </Button>
        ) : null}
      </AccordionPanel>
    </AccordionItem>
  );
}

export interface ResultsProps {
  t: UiStrings;
  lang: Lang;
  analysis: Analysis;
  written: boolean;
  onSelect: (address: string) => void;
}

export function Results(props: ResultsProps): React.JSX.Element {
  const { t, analysis } = props;
  const groups = React.useMemo(() => groupIssues(analysis), [analysis]);
  return (
    <>
      <Body1 data-testid="results-summary">{summaryText(t, analysis)}</Body1>
      {props.written ? null : <Caption1>{t.resultsNotWritten}</Caption1>}
      {groups.length > 0 ? (
        <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.code)}>
          {groups.map((group) => (
            <Group key={group.code} t={t} lang={props.lang} group={group} onSelect={props.onSelect} />
          ))}
        </Accordion>
      ) : null}
    </>
  );
}
