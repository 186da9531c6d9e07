/**
 * The "Báo cáo quý" tab: choose the period and year (defaulting to the report due next), the
 * day task status is judged on (defaulting to the period's last data day), the document's
 * details (agency, signer, recipients, …), see the figures as a chart and a table, and build the
 * sheet or download the Word report.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Input, Select, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { Analysis, ISODate, Lang } from '../engine/model';
import { isISODate, PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../engine/dates';
import type { PeriodId } from '../hosts/plan-host';
import { DEFAULT_PERIODS, type PeriodDef, type Settings } from '../engine/settings';
import { formatDate } from '../i18n/dates';
import type { UiStrings } from './strings';
import { PERIOD_IDS, periodDueNext, reportSheetName, resolvePeriod } from '../report/periods';
import { DateField } from './DateField';
import { DocumentFields } from './report/DocumentFields';
import { ReportPreview } from './report/ReportPreview';
import { documentDefaults, documentOverrides, previewModel, type DocumentField, type DocumentForm } from './report/preview';
import { reportDocStrings } from './report/strings';
import type { ReportChoice } from './plan-view';

export interface ReportTabProps {
  t: UiStrings;
  lang: Lang;
  today: ISODate;
  periods: PeriodDef[] | undefined;
  analysis: Analysis | null;
  /** The workbook's stored settings (document details, aliases), once read. */
  settings: Settings | undefined;
  busy: boolean;
  /** The tab is the one shown (defaults to true). */
  active?: boolean;
  onBuild: (choice: ReportChoice) => void;
  onDownload: (choice: ReportChoice) => void;
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  year: { width: '7em' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
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
  // The document's fields as typed; a field not yet touched follows the settings and the plan.
  const [typed, setTyped] = React.useState<Partial<DocumentForm>>({});
  const d = reportDocStrings(props.lang);

  const yearValid = isValidYear(yearText);
  const dates = yearValid ? resolvePeriod(period, Number(yearText), periods) : null;
  // The status day follows the period until the user picks one.
  const asOf = asOfEdited ?? dates?.to ?? props.today;
  const asOfValid = isISODate(asOf);
  const form: DocumentForm = { ...documentDefaults(props.settings, props.analysis), ...typed };
  const fields = documentOverrides(form);
  const fieldsKey = JSON.stringify(fields);
  const ready = yearValid && asOfValid;
  const model = React.useMemo(
    () => (props.analysis && ready ? previewModel(props.analysis, { period, year: Number(yearText), asOf, document: fields }, props.settings, props.lang, props.today) : null),
    // The form is compared by value: a new object each render must not rebuild the model.
    [props.analysis, ready, period, yearText, asOf, fieldsKey, props.settings, props.lang, props.today],
  );
  const available = PERIOD_IDS.filter((id) => periods.some((p) => p.id === id));
  const sheetName = yearValid ? reportSheetName(period, Number(yearText), props.lang) : null;

  const choice = (): ReportChoice | null => {
    if (!ready) return null;
    const { agency, ...rest } = fields;
    return { period, year: Number(yearText), asOf, ...(agency ? { agency } : {}), document: rest };
  };
  const build = () => {
    const c = choice();
    if (c) props.onBuild(c);
  };
  const download = () => {
    const c = choice();
    if (c) props.onDownload(c);
  };
  const change = (field: DocumentField, value: string) => setTyped((before) => ({ ...before, [field]: value }));

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

      <DocumentFields t={t} d={d} form={form} onChange={change} />

      <ReportPreview t={t} d={d} lang={props.lang} model={model} shown={props.active !== false} />

      <div className={styles.buttons}>
        <Button {...restoreFocus} appearance="primary" onClick={build} disabledFocusable={busy || !ready}>
          {t.buildReport}
        </Button>
        <Button onClick={download} disabledFocusable={busy || !ready || !props.analysis}>
          {d.download}
        </Button>
      </div>
    </div>
  );
}
