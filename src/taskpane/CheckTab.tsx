/**
 * The "Rà soát" (review) tab: what was recognised, the column-role editor, the check itself and its
 * results. Every piece of sheet text is rendered as a React text node (escaped), never as HTML.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ColumnRole, ISODate, Lang } from '../engine/model';
import { COLUMN_ROLES } from '../engine/model';
import { isISODate } from '../engine/dates';
import type { ColumnCorrection, PeriodDef } from '../engine/settings';
import { formatDate } from '../i18n/dates';
import type { UiStrings } from './strings';
import type { PlanView } from './plan-view';
import { columnViews, tableRangeAddress } from './view-model';
import { Results } from './Results';
import { AsOfControl } from './AsOfControl';
import { HighlightLegend } from './HighlightLegend';

export interface CheckTabProps {
  t: UiStrings;
  lang: Lang;
  view: PlanView;
  corrections: ColumnCorrection | undefined;
  busy: boolean;
  asOf: ISODate;
  /** The sheet's as-of cell follows the calendar (=TODAY()); false when `asOf` is fixed. */
  asOfLive: boolean;
  /** What the date field's calendar calls today. */
  today: ISODate;
  /** The workbook's reporting periods (the review cut-off comes from them). */
  periods?: readonly PeriodDef[];
  /** A day fixed for the check and the as-of cell ("" when the field was emptied). */
  onAsOfChange: (asOf: ISODate) => void;
  /** Back to live: as of today, the as-of cell =TODAY(). */
  onAsOfLive: () => void;
  onCheck: () => void;
  onReadAgain: () => void;
  onCorrect: (letter: string, role: ColumnRole | 'none') => void;
  onClearCorrections: () => void;
  onSelect: (address: string) => void;
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  failure: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  heading: { margin: 0 },
});

export function CheckTab(props: CheckTabProps): React.JSX.Element {
  const { t, view, busy } = props;
  const styles = useStyles();
  const analysis = view.analysis;
  const asOfValid = isISODate(props.asOf);

  return (
    <div className={styles.stack}>
      <div className={styles.card} aria-labelledby="recognised-title" role="region">
        <Subtitle2 as="h2" id="recognised-title" className={styles.heading}>
          {analysis ? t.recognisedTitle : t.notRecognisedTitle}
        </Subtitle2>
        {analysis ? (
          <dl className={styles.facts} data-testid="recognised">
            <dt>{t.sheetLabel}</dt>
            <dd>{analysis.sheetName}</dd>
            <dt>{t.tableRangeLabel}</dt>
            <dd>{tableRangeAddress(analysis)}</dd>
            <dt>{t.tasksLabel}</dt>
            <dd>{analysis.tasks.length}</dd>
            <dt>{t.sectionsLabel}</dt>
            <dd>{analysis.sections.length}</dd>
            <dt>{t.planYearLabel}</dt>
            <dd>
              {analysis.planYear} <Caption1>({t.planYearSource[analysis.planYearSource]})</Caption1>
            </dd>
            {analysis.agency ? (
              <>
                <dt>{t.agencyFound}</dt>
                <dd>{analysis.agency}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <Body1 className={view.failure ? styles.failure : undefined} data-testid="not-recognised">
            {view.failure ?? t.nothingReadYet}
          </Body1>
        )}
        <div>
          <Button size="small" onClick={props.onReadAgain} disabledFocusable={busy}>
            {t.readAgain}
          </Button>
        </div>
      </div>

      {analysis ? (
        <Accordion collapsible>
          <AccordionItem value="columns">
            <AccordionHeader as="h2">{t.columnsTitle}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.columns}>
                <Caption1>{t.columnsHelp}</Caption1>
                {columnViews(analysis).map((column) => (
                  <Field
                    key={column.col}
                    label={`${t.columnLabel(column.letter, column.header)}${column.corrected ? ` ${t.correctedMark}` : ''}`}
                  >
                    <Select
                      value={column.role ?? 'none'}
                      disabled={busy}
                      data-testid={`role-${column.letter}`}
                      onChange={(_, data) => props.onCorrect(column.letter, data.value as ColumnRole | 'none')}
                    >
                      <option value="none">{t.roleNone}</option>
                      {COLUMN_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t.roleNames[role]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
                {props.corrections && Object.keys(props.corrections).length > 0 ? (
                  <div>
                    <Button size="small" onClick={props.onClearCorrections} disabledFocusable={busy}>
                      {t.clearCorrections}
                    </Button>
                  </div>
                ) : null}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}

      <div className={styles.row}>
        <AsOfControl
          t={t}
          lang={props.lang}
          value={props.asOf}
          live={props.asOfLive}
          today={props.today}
          planYear={analysis?.planYear ?? null}
          periods={props.periods}
          disabled={busy}
          onFixed={props.onAsOfChange}
          onLive={props.onAsOfLive}
        />
        <Button appearance="primary" onClick={props.onCheck} disabledFocusable={busy || !asOfValid}>
          {t.checkButton}
        </Button>
      </div>
      <Caption1>{t.checkHint}</Caption1>
      <HighlightLegend t={t} />

      {analysis ? (
        <section aria-labelledby="results-title" className={styles.stack}>
          <Subtitle2 as="h2" id="results-title" className={styles.heading}>
            {t.resultsTitle} — {formatDate(view.asOf)}
          </Subtitle2>
          {view.fromRibbon ? <Caption1>{t.resultsFromRibbon}</Caption1> : null}
          <Results t={t} lang={props.lang} analysis={analysis} written={view.written} onSelect={props.onSelect} />
        </section>
      ) : null}
    </div>
  );
}
