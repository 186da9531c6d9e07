/**
 * @jest-environment jsdom
 *
 * The pane's date field: dd/mm/yyyy shown and read whatever the locale, dates typed by hand,
 * the calendar in the pane's language, and the parser behind it.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DATE_FIELD_STRINGS, DateField } from '../../src/taskpane/DateField';
import { parseDateStr } from '../../src/i18n/dates';
import type { Lang } from '../../src/engine/model';

jest.mock('@fluentui/react-icons', () => jest.requireActual<typeof import('./icons-on-demand')>('./icons-on-demand').iconsOnDemand());
jest.setTimeout(30_000);

function Harness(props: { lang: Lang; initial: string; onChange: (iso: string) => void }): React.JSX.Element {
  const [value, setValue] = React.useState(props.initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <DateField
        lang={props.lang}
        label={props.lang === 'vi' ? 'Tính đến ngày' : 'As of'}
        value={value}
        today="2024-05-15"
        onChange={(iso) => {
          setValue(iso);
          props.onChange(iso);
        }}
      />
      <button type="button">next</button>
    </FluentProvider>
  );
}

function setup(lang: Lang, initial = '2024-05-15') {
  const onChange = jest.fn();
  const user = userEvent.setup();
  render(<Harness lang={lang} initial={initial} onChange={onChange} />);
  const input = screen.getByRole('combobox', { name: lang === 'vi' ? 'Tính đến ngày' : 'As of' }) as HTMLInputElement;
  return { user, input, onChange };
}

describe('parseDateStr', () => {
  it('reads day first, whatever the locale', () => {
    expect(parseDateStr('05/06/2024')).toBe('2024-06-05');
    expect(parseDateStr('5/6/2024')).toBe('2024-06-05');
    expect(parseDateStr(' 15-10-2024 ')).toBe('2024-10-15');
    expect(parseDateStr('15.10.2024')).toBe('2024-10-15');
    expect(parseDateStr('2024-10-15')).toBe('2024-10-15');
  });

  it('refuses what is not a real day', () => {
    for (const text of ['31/02/2024', '13/13/2024', '05/15/2024', '15/05/24', 'hôm nay', '', '2024/10/15']) {
      expect([text, parseDateStr(text)]).toEqual([text, null]);
    }
    expect(parseDateStr('29/02/2024')).toBe('2024-02-29');
    expect(parseDateStr('29/02/2023')).toBeNull();
  });
});

describe('DateField', () => {
  it('shows the date as dd/mm/yyyy, never in the browser locale’s order', () => {
    expect(navigator.language).toBe('en-US'); // jsdom's locale: the case the field must not follow
    const { input } = setup('en');
    expect(input.value).toBe('15/05/2024');
    expect(input.getAttribute('placeholder')).toBe('dd/mm/yyyy');
  });

  it('takes a date typed by hand as day/month/year', async () => {
    const { user, input, onChange } = setup('vi');
    await user.clear(input);
    await user.type(input, '5/6/2024');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('2024-06-05');
    expect(input.value).toBe('05/06/2024');
    expect(screen.queryByText(/Không đọc được ngày/)).toBeNull();
  });

  it('says how to type it when the text is not a date, and keeps the last good date', async () => {
    const { user, input, onChange } = setup('vi');
    await user.clear(input);
    await user.type(input, '31/02/2024');
    await user.tab();
    expect(screen.getByText('Không đọc được ngày: hãy gõ theo dạng ngày/tháng/năm, ví dụ 15/05/2024.')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalledWith('2024-02-31');
    expect(input.value).toBe('15/05/2024');
  });

  it('an emptied field hands out "" and asks for a date', async () => {
    const { user, input, onChange } = setup('en');
    await user.clear(input);
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(screen.getByText('Enter a date (day/month/year).')).toBeTruthy();
  });

  it('opens a calendar in the pane’s language from the keyboard, and picks a day', async () => {
    const { user, input, onChange } = setup('vi');
    input.focus();
    await user.keyboard('{ArrowDown}');
    const calendar = await screen.findByRole('dialog', { name: 'Lịch chọn ngày' });
    expect(within(calendar).getByText('Tháng 5 năm 2024')).toBeTruthy();
    expect(within(calendar).getByRole('button', { name: 'Hôm nay' })).toBeTruthy();
    expect(within(calendar).getByRole('button', { name: 'Sang Tháng 6' })).toBeTruthy();
    expect(within(calendar).getByRole('button', { name: 'Lùi về Tháng 4' })).toBeTruthy();
    const headers = within(calendar).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    const focusedDay = () => document.activeElement?.querySelector('button')?.getAttribute('aria-label');
    await waitFor(() => expect(focusedDay()).toBe('15, Tháng 5, 2024'));
    // Moving between days with the arrows needs layout (Fluent's focus manager): the browser
    // test does it; here a day is picked with the mouse.
    await user.click(within(calendar).getByRole('button', { name: '16, Tháng 5, 2024' }));
    expect(onChange).toHaveBeenLastCalledWith('2024-05-16');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(input.value).toBe('16/05/2024');
  });

  it('has both languages complete and in Unicode NFC', () => {
    const flat = (lang: Lang) => JSON.stringify(DATE_FIELD_STRINGS[lang].calendar) + JSON.stringify(DATE_FIELD_STRINGS[lang].errors);
    for (const lang of ['vi', 'en'] as const) expect(flat(lang)).toBe(flat(lang).normalize('NFC'));
    expect(Object.keys(DATE_FIELD_STRINGS.vi.calendar).sort()).toEqual(Object.keys(DATE_FIELD_STRINGS.en.calendar).sort());
    expect(DATE_FIELD_STRINGS.vi.calendar.days).toHaveLength(7);
    expect(DATE_FIELD_STRINGS.vi.calendar.months).toHaveLength(12);
  });
});
