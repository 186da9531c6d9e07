/**
 * A date field that shows and reads dd/mm/yyyy whatever the machine's or browser's locale (an
 * <input type="date"> follows the browser: 05/15/2024 on an en-US Windows beside text that says
 * 15/05/2024). Built on Fluent's DatePicker (@fluentui/react-datepicker-compat) with calendar
 * words in Vietnamese and English; the week starts on Monday, as Vietnamese calendars do.
 *
 * Keyboard: type the date (dd/mm/yyyy, also d/m/yyyy or yyyy-mm-dd), or press Down (or Enter) in
 * the field to open the calendar, arrows to move, Enter to pick, Escape to close. The value
 * handed out is ISO (yyyy-mm-dd); "" when the field was emptied.
 */
import * as React from 'react';
import { Field, makeStyles } from '@fluentui/react-components';
import { DatePicker, type CalendarStrings, type DatePickerErrorType, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import type { ISODate, Lang } from '../engine/model';
import { isISODate } from '../engine/dates';
import { formatDate, parseDateStr } from '../i18n/dates';

interface DateFieldWords {
  calendar: CalendarStrings;
  /** The calendar pop-up's name for screen readers. */
  calendarLabel: string;
  openCalendar: string;
  placeholder: string;
  errors: Record<DatePickerErrorType, string>;
  /** A day in words, for the day buttons' names: "ngày 15 tháng 5 năm 2024". */
  dayInWords: (day: number, monthName: string, year: number) => string;
  monthYear: (monthName: string, year: number) => string;
}

// DayOfWeek.Monday of @fluentui/react-calendar-compat (an enum the picker does not re-export).
const MONDAY = 1 as NonNullable<DatePickerProps['firstDayOfWeek']>;

const VI_MONTHS = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);

export const DATE_FIELD_STRINGS: Readonly<Record<Lang, DateFieldWords>> = {
  vi: {
    calendar: {
      months: VI_MONTHS,
      shortMonths: Array.from({ length: 12 }, (_, i) => `Thg ${i + 1}`),
      days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
      shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      goToToday: 'Hôm nay',
      // The picker names its month arrows "<this> <month>": "Lùi về Tháng 4", "Sang Tháng 6".
      prevMonthAriaLabel: 'Lùi về',
      nextMonthAriaLabel: 'Sang',
      prevYearAriaLabel: 'Năm trước',
      nextYearAriaLabel: 'Năm sau',
      prevYearRangeAriaLabel: 'Các năm trước',
      nextYearRangeAriaLabel: 'Các năm sau',
      monthPickerHeaderAriaLabel: '{0}, chọn để đổi năm',
      yearPickerHeaderAriaLabel: '{0}, chọn để đổi tháng',
      closeButtonAriaLabel: 'Đóng lịch',
      weekNumberFormatString: 'Tuần {0}',
      selectedDateFormatString: 'Ngày đã chọn: {0}',
      todayDateFormatString: 'Hôm nay: {0}',
      dayMarkedAriaLabel: 'có đánh dấu',
    },
    calendarLabel: 'Lịch chọn ngày',
    openCalendar: 'Mở lịch',
    placeholder: 'dd/mm/yyyy',
    errors: {
      'invalid-input': 'Không đọc được ngày: hãy gõ theo dạng ngày/tháng/năm, ví dụ 15/05/2024.',
      'out-of-bounds': 'Ngày nằm ngoài khoảng cho phép.',
      'required-input': 'Hãy nhập ngày (ngày/tháng/năm).',
    },
    dayInWords: (day, monthName, year) => `ngày ${day} ${monthName.toLowerCase()} năm ${year}`,
    monthYear: (monthName, year) => `${monthName} năm ${year}`,
  },
  en: {
    calendar: {
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
      goToToday: 'Today',
      prevMonthAriaLabel: 'Back to',
      nextMonthAriaLabel: 'Forward to',
      prevYearAriaLabel: 'Previous year',
      nextYearAriaLabel: 'Next year',
      prevYearRangeAriaLabel: 'Previous years',
      nextYearRangeAriaLabel: 'Next years',
      monthPickerHeaderAriaLabel: '{0}, select to change the year',
      yearPickerHeaderAriaLabel: '{0}, select to change the month',
      closeButtonAriaLabel: 'Close the calendar',
      weekNumberFormatString: 'Week {0}',
      selectedDateFormatString: 'Selected date: {0}',
      todayDateFormatString: 'Today: {0}',
      dayMarkedAriaLabel: 'marked',
    },
    calendarLabel: 'Calendar',
    openCalendar: 'Open the calendar',
    placeholder: 'dd/mm/yyyy',
    errors: {
      'invalid-input': 'Not a date: type it as day/month/year, for example 15/05/2024.',
      'out-of-bounds': 'The date is outside the allowed range.',
      'required-input': 'Enter a date (day/month/year).',
    },
    dayInWords: (day, monthName, year) => `${day} ${monthName} ${year}`,
    monthYear: (monthName, year) => `${monthName} ${year}`,
  },
};

/** ISO text → a local Date at midnight (what the calendar works in); null when not a date. */
export function dateOfISO(iso: string): Date | null {
  if (!isISODate(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  date.setFullYear(y); // years below 100 are not shifted to 19xx
  return date;
}

/** The calendar day of a local Date as ISO text. */
export function isoOfDate(date: Date): ISODate {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Stable functions: the picker re-formats its text whenever formatDate changes identity.
const formatForPicker = (date?: Date): string => (date ? formatDate(isoOfDate(date)) : '');
const parseForPicker = (text: string): Date | null => {
  const iso = parseDateStr(text);
  return iso ? dateOfISO(iso) : null;
};

function dateFormatter(words: DateFieldWords) {
  return {
    formatDay: (date: Date) => String(date.getDate()),
    formatYear: (date: Date) => String(date.getFullYear()),
    formatMonth: (date: Date) => words.calendar.months[date.getMonth()],
    formatMonthDayYear: (date: Date) => words.dayInWords(date.getDate(), words.calendar.months[date.getMonth()], date.getFullYear()),
    formatMonthYear: (date: Date) => words.monthYear(words.calendar.months[date.getMonth()], date.getFullYear()),
  };
}

const FORMATTERS: Readonly<Record<Lang, ReturnType<typeof dateFormatter>>> = {
  vi: dateFormatter(DATE_FIELD_STRINGS.vi),
  en: dateFormatter(DATE_FIELD_STRINGS.en),
};

const useStyles = makeStyles({
  picker: { width: '11em', maxWidth: '100%' },
});

export interface DateFieldProps {
  lang: Lang;
  label: string;
  /** The date shown, as ISO text (yyyy-mm-dd); "" or anything else shows an empty field. */
  value: string;
  /** A date picked or typed (ISO), or "" when the field was emptied. */
  onChange: (iso: ISODate) => void;
  hint?: string;
  disabled?: boolean;
  /** The day the calendar calls today (tests and the pane pin it). */
  today?: ISODate;
  className?: string;
  'data-testid'?: string;
}

export function DateField(props: DateFieldProps): React.JSX.Element {
  const words = DATE_FIELD_STRINGS[props.lang];
  const styles = useStyles();
  const [error, setError] = React.useState<DatePickerErrorType | undefined>(undefined);
  const value = React.useMemo(() => dateOfISO(props.value), [props.value]);
  const today = React.useMemo(() => (props.today ? (dateOfISO(props.today) ?? undefined) : undefined), [props.today]);
  // An empty or impossible value from the owner is also said, not just a typing mistake.
  const shownError = error ?? (value ? undefined : 'required-input');
  const { onChange } = props;
  const select = React.useCallback(
    (date: Date | null | undefined) => {
      if (date) setError(undefined);
      onChange(date ? isoOfDate(date) : '');
    },
    [onChange],
  );

  return (
    <Field
      label={props.label}
      hint={props.hint}
      className={props.className}
      validationState={shownError ? 'error' : 'none'}
      validationMessage={shownError ? words.errors[shownError] : undefined}
    >
      <DatePicker
        className={styles.picker}
        data-testid={props['data-testid']}
        allowTextInput
        // A click in the text puts the caret there for typing; the calendar opens from its icon,
        // or with Down/Enter (the picker's default opens it on click and takes the focus away).
        // disableAutoFocus is the picker's default, but its click handler reads the prop itself.
        openOnClick={false}
        disableAutoFocus
        value={value}
        onSelectDate={select}
        onValidationResult={(data) => setError(data.error)}
        formatDate={formatForPicker}
        parseDateFromString={parseForPicker}
        placeholder={words.placeholder}
        strings={words.calendar}
        dateTimeFormatter={FORMATTERS[props.lang]}
        firstDayOfWeek={MONDAY}
        // Months over the days, not beside them: the pane can be 320 px wide.
        showMonthPickerAsOverlay
        today={today}
        initialPickerDate={value ?? today}
        disabled={props.disabled}
        popupSurface={{ 'aria-label': words.calendarLabel }}
        contentAfter={{ 'aria-label': words.openCalendar, 'aria-labelledby': undefined }}
      />
    </Field>
  );
}
