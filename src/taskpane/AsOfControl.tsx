/**
 * "Tính đến ngày": the day the check judges deadlines on, which is also what the sheet's as-of
 * cell holds (validation.md, "The as-of date"), so that the highlights and the results agree.
 * Two quick choices beside the date field: "Hôm nay" (live: the cell holds =TODAY() and the
 * highlights follow the calendar) and the review cut-off (the "data to" day of the report period
 * due next, or of a past plan's year: reviewCutOff in report/periods.ts). A date typed or picked
 * fixes that day. The words under the field say which it is; the choice in effect is pressed.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ISODate, Lang } from '../engine/model';
import type { PeriodDef } from '../engine/settings';
import { formatDate } from '../i18n/dates';
import { periodWords, reviewCutOff } from '../report/periods';
import { DateField } from './DateField';
import type { UiStrings } from './strings';

export interface AsOfControlProps {
  t: UiStrings;
  lang: Lang;
  /** The day shown (today when live), ISO; "" when the field was emptied. */
  value: ISODate;
  /** The sheet's as-of cell follows the calendar (=TODAY()). */
  live: boolean;
  today: ISODate;
  /** The plan's year, when a plan was read: a past plan's cut-off is in its own year. */
  planYear: number | null;
  periods?: readonly PeriodDef[];
  /** An operation runs: the quick choices wait (the field stays, as the pane's other fields). */
  disabled?: boolean;
  /** A day fixed (typed, picked or the cut-off); "" when the field was emptied. */
  onFixed: (day: ISODate) => void;
  onLive: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function AsOfControl(props: AsOfControlProps): React.JSX.Element {
  const { t, lang, value, live, today } = props;
  const styles = useStyles();
  const cutOff = React.useMemo(() => reviewCutOff(today, props.planYear, props.periods), [today, props.planYear, props.periods]);
  const onCutOff = !live && value === cutOff.day;
  // What the choice means, under the field (the field's own description for screen readers).
  const hint = live ? t.asOfLiveHint : value ? t.asOfFixedHint(formatDate(value)) : undefined;

  return (
    <div className={styles.root}>
      <DateField lang={lang} label={t.asOfLabel} value={value} hint={hint} onChange={props.onFixed} today={today} data-testid="as-of" />
      <div className={styles.choices}>
        <Button size="small" aria-pressed={live} appearance={live ? 'primary' : 'secondary'} disabledFocusable={props.disabled} onClick={props.onLive}>
          {t.asOfToday}
        </Button>
        <Button size="small" aria-pressed={onCutOff} appearance={onCutOff ? 'primary' : 'secondary'} disabledFocusable={props.disabled} onClick={() => props.onFixed(cutOff.day)}>
          {t.asOfCutOff(periodWords(cutOff.id, cutOff.year, lang), formatDate(cutOff.day))}
        </Button>
      </div>
    </div>
  );
}
