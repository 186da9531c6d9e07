/**
 * The check's results: a summary line, then one group per issue code (worst first) listing the
 * rows concerned. Each row is a real <button>, so it is reached with Tab and activated with Enter
 * or Space; activating it selects that row in the sheet. Long groups are shown a page at a time
 * so that a sheet with thousands of problems cannot freeze the pane.
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
import type { Analysis, Lang, Severity } from '../engine/model';
import type { UiStrings } from './strings';
import { groupIssues, type IssueGroup, type IssueItem } from './view-model';
import { issueTitle } from './issue-titles';

const PAGE = 100;
const TEXT_LIMIT = 160;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, flexWrap: 'wrap' },
  count: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
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

function IssueButton(props: { t: UiStrings; item: IssueItem; onSelect: (address: string) => void }): React.JSX.Element {
  const { t, item } = props;
  const styles = useStyles();
  const excelRow = item.row + 1;
  return (
    <button
      type="button"
      className={styles.item}
      title={t.goToRow(excelRow)}
      data-address={item.address}
      onClick={() => props.onSelect(item.address)}
    >
      <span className={styles.where}>
        {t.rowLabel(excelRow)}
        {item.stt ? ` · ${t.sttLabel(item.stt)}` : ''}
      </span>
      {item.taskText ? <span className={styles.task}>{shorten(item.taskText)}</span> : null}
      <span className={styles.message}>{item.message}</span>
    </button>
  );
}

function Group(props: { t: UiStrings; lang: Lang; group: IssueGroup; onSelect: (address: string) => void }): React.JSX.Element {
  const { t, group } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const rest = group.items.length - shown;
  return (
    <AccordionItem value={group.code}>
      <AccordionHeader as="h3" expandIconPosition="end">
        <span className={styles.header} data-testid={`group-${group.code}`}>
          <Badge appearance="filled" color={BADGE_COLOR[group.severity]}>
            {t.severityNames[group.severity]}
          </Badge>
          <span>{issueTitle(group.code, props.lang)}</span>
          <Caption1 className={styles.count}>({t.issueCount(group.items.length)})</Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {group.items.slice(0, shown).map((item, i) => (
            <li key={`${item.row}-${i}`}>
              <IssueButton t={t} item={item} onSelect={props.onSelect} />
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
  const s = analysis.summary;
  const total = s.errors + s.warnings + s.infos;
  return (
    <>
      <Body1 data-testid="results-summary">
        {total === 0 && groups.length === 0 ? t.noIssues(s.tasks) : t.summary(s.tasks, s.errors, s.warnings, s.infos)}
      </Body1>
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
