/**
 * The "Báo cáo quý" tab: choose the period and year (defaulting to the report due next), the
 * day task status is judged on (defaulting to the period's last data day), the agency's name,
 * see the figures if a preview is available, and build the sheet.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { Analysis, ISODate, Lang } from '../engine/model';
import { isISODate, PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../engine/dates';
import type { PeriodId } from '../hosts/plan-host';
import { DEFAULT_PERIODS, type PeriodDef } from '../engine/settings';
import { formatDate } from '../i18n/dates';
import type { UiStrings } from './strings';
import { PERIOD_IDS, periodDueNext, reportSheetName, resolvePeriod } from '../report/periods';
import { TASK_CLASSES } from '../report/classify';
import { previewCounts } from './report-preview';
import { DateField } from './DateField';
import type { ReportChoice } from './plan-view';

export interface ReportTabProps {
  t: UiStrings;
  lang: Lang;
  today: ISODate;
  periods: PeriodDef[] | undefined;
  analysis: Analysis | null;
  defaultAgency: string;
  busy: boolean;
  onBuild: (choice: ReportChoice) => void;
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  year: { width: '7em' },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  preview: {
    display: 'grid',
    gridTemplateColumns: '1fr max-content',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  },
});

function isValidYear(text: string): boolean {
  const n = Number(text);
  return /^\d{4}$/.test(text) && n >= PLAN_YEAR_MIN && n <= PLAN_YEAR_MAX;
}

export function ReportTab(props: ReportTabProps): React.JSX.Element {
  const { t, busy } = props;
  const styles = useStyles();
  // The replace question, once answered, gives the focus back to the button that asked it.
  const restoreFocus = useRestoreFocusTarget();
  const periods = props.periods && props.periods.length > 0 ? props.periods : DEFAULT_PERIODS;
  const initial = React.useMemo(() => periodDueNext(props.today, periods), [props.today, periods]);
  const [period, setPeriod] = React.useState<PeriodId>(initial.id);
  const [yearText, setYearText] = React.useState(String(initial.year));
  const [asOfEdited, setAsOfEdited] = React.useState<ISODate | null>(null);
  const [agency, setAgency] = React.useState<string | null>(null);

  const yearValid = isValidYear(yearText);
  const dates = yearValid ? resolvePeriod(period, Number(yearText), periods) : null;
  // The status day follows the period until the user picks one.
  const asOf = asOfEdited ?? dates?.to ?? props.today;
  const asOfValid = isISODate(asOf);
  const agencyValue = agency ?? props.defaultAgency;
  const counts = props.analysis && asOfValid ? previewCounts(props.analysis, asOf) : null;
  const available = PERIOD_IDS.filter((id) => periods.some((p) => p.id === id));
  const sheetName = yearValid ? reportSheetName(period, Number(yearText), props.lang) : null;

  const build = () => {
    if (!yearValid || !asOfValid) return;
    const trimmed = agencyValue.trim();
    props.onBuild({ period, year: Number(yearText), asOf, ...(trimmed ? { agency: trimmed } : {}) });
  };

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field label={t.periodLabel}>
          <Select value={period} onChange={(_, data) => setPeriod(data.value as PeriodId)}>
            {available.map((id) => (
              <option key={id} value={id}>
                {t.periodNames[id]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.yearLabel} validationMessage={yearValid ? undefined : t.yearInvalid}>
          <Input
            className={styles.year}
            type="number"
            inputMode="numeric"
            min={PLAN_YEAR_MIN}
            max={PLAN_YEAR_MAX}
            value={yearText}
            onChange={(_, data) => setYearText(data.value)}
          />
        </Field>
      </div>
      {dates ? <Body1 data-testid="period-words">{t.periodWords(formatDate(dates.from), formatDate(dates.to), formatDate(dates.due))}</Body1> : null}
      {sheetName ? (
        <Caption1>
          {t.reportSheetLabel}: “{sheetName}”
        </Caption1>
      ) : null}

      <DateField lang={props.lang} label={t.reportAsOfLabel} hint={t.reportAsOfHint} value={asOf} onChange={setAsOfEdited} today={props.today} />

      <Field label={t.agencyLabel}>
        <Input value={agencyValue} placeholder={t.agencyPlaceholder} onChange={(_, data) => setAgency(data.value)} />
      </Field>

      <section aria-labelledby="preview-title">
        <Subtitle2 as="h2" id="preview-title" className={styles.heading}>
          {t.previewTitle}
        </Subtitle2>
        {!props.analysis ? (
          <Caption1>{t.previewNeedsCheck}</Caption1>
        ) : counts ? (
          <dl className={styles.preview} data-testid="report-preview">
            {TASK_CLASSES.map((c) => (
              <React.Fragment key={c}>
                <dt>{t.classNames[c]}</dt>
                <dd>{counts[c]}</dd>
              </React.Fragment>
            ))}
            <dt>{t.previewTotal}</dt>
            <dd>{counts.total}</dd>
          </dl>
        ) : null}
      </section>

      <div>
        <Button {...restoreFocus} appearance="primary" onClick={build} disabledFocusable={busy || !yearValid || !asOfValid}>
          {t.buildReport}
        </Button>
      </div>
    </div>
  );
}
