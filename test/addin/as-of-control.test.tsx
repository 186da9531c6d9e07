/**
 * @jest-environment jsdom
 *
 * "Tính đến ngày" in the check view: the sheet's as-of cell read on opening (a fixed day is
 * shown and used, live is today), "Hôm nay" and the review cut-off as quick choices, each put
 * into the sheet's cell at once and the results read again as of that day, and the check asked
 * to fix the day unless the choice is live. Today is pinned to 15/05/2024 (taskpane-helpers).
 */
import { act, screen, waitFor } from '@testing-library/react';
import { PaneChannel } from '../../src/taskpane/channel';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { TODAY, opened, setup } from './taskpane-helpers';

const field = () => screen.getByLabelText('Tính đến ngày') as HTMLInputElement;
const pressed = (name: string | RegExp) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('task pane: the as-of control', () => {
  it('a sheet never checked: today, live; the choices are "Hôm nay" and the cut-off of the report due next', async () => {
    const { host } = setup();
    await opened();
    expect(field().value).toBe('15/05/2024');
    expect(screen.getByText(/Theo ngày hiện tại: ô “Tính đến ngày” trên trang tính giữ =TODAY\(\)/)).toBeTruthy();
    expect(pressed('Hôm nay')).toBe('true');
    // 15/05/2024: the 6-month report is due next (20/06); its data run to 14/06/2024.
    expect(pressed('Cuối kỳ 6 tháng đầu năm 2024 (14/06/2024)')).toBe('false');
    expect(host.callsOf('readAsOf')).toHaveLength(1);
    expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'vi' }]]);
  });

  it('a sheet whose as-of cell holds a fixed day opens on that day, and the check keeps it', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.asOfCell = { mode: 'fixed', day: '2024-03-14' };
    const { user } = setup({ host });
    await opened();
    await waitFor(() => expect(field().value).toBe('14/03/2024'));
    expect(screen.getByText('Cố định ngày 14/03/2024: tô màu và kết quả kiểm tra đều tính đến ngày này.')).toBeTruthy();
    expect(pressed('Hôm nay')).toBe('false');
    expect(host.callsOf('inspect')).toEqual([[{ asOf: '2024-03-14', lang: 'vi' }]]);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    await waitFor(() => expect(host.callsOf('check')).toEqual([[{ asOf: '2024-03-14', lang: 'vi', fixAsOf: true }]]));
    expect(screen.getByRole('heading', { name: /Kết quả kiểm tra — 14\/03\/2024/ })).toBeTruthy();
  });

  it('"Hôm nay" puts =TODAY() back into the sheet at once and reads the results as of today', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.asOfCell = { mode: 'fixed', day: '2024-03-14' };
    const { user } = setup({ host });
    await opened();
    await waitFor(() => expect(field().value).toBe('14/03/2024'));
    await user.click(screen.getByRole('button', { name: 'Hôm nay' }));
    await waitFor(() => expect(host.callsOf('setAsOf')).toEqual([[{ mode: 'live' }]]));
    expect(host.asOfCell).toEqual({ mode: 'live' });
    await waitFor(() => expect(host.callsOf('inspect')).toEqual([[{ asOf: '2024-03-14', lang: 'vi' }], [{ asOf: TODAY, lang: 'vi' }]]));
    expect(field().value).toBe('15/05/2024');
    expect(pressed('Hôm nay')).toBe('true');
    await waitFor(() => expect(screen.getByRole('heading', { name: /Kết quả kiểm tra — 15\/05\/2024/ })).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    await waitFor(() => expect(host.callsOf('check')).toEqual([[{ asOf: TODAY, lang: 'vi' }]]));
  });

  it('the cut-off fixes that day, in the sheet (once checked) and for the check', async () => {
    const { host, user } = setup();
    await opened();
    await user.click(screen.getByRole('button', { name: /^Cuối kỳ/ }));
    await waitFor(() => expect(field().value).toBe('14/06/2024'));
    expect(pressed(/^Cuối kỳ/)).toBe('true');
    expect(pressed('Hôm nay')).toBe('false');
    // Never checked: the sheet has no as-of cell yet; the check writes the day into it.
    await waitFor(() => expect(host.callsOf('setAsOf')).toEqual([[{ mode: 'fixed', day: '2024-06-14' }]]));
    expect(host.asOfCell).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    await waitFor(() => expect(host.callsOf('check')).toEqual([[{ asOf: '2024-06-14', lang: 'vi', fixAsOf: true }]]));
    expect(host.asOfCell).toEqual({ mode: 'fixed', day: '2024-06-14' });
  });

  it('in English, with the same choices', async () => {
    setup({ lang: 'en' });
    await opened();
    expect((screen.getByLabelText('As of') as HTMLInputElement).value).toBe('15/05/2024');
    expect(screen.getByRole('button', { name: 'Today' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'End of H1 2024 (14/06/2024)' })).toBeTruthy();
    expect(screen.getByText(/Follows the current date: the sheet's "As of" cell holds =TODAY\(\)/)).toBeTruthy();
  });

  it('a check from the ribbon with a fixed day shows that day as fixed', async () => {
    const channel = new PaneChannel();
    setup({ channel });
    await opened();
    act(() => channel.post({ tab: 'check', check: { outcome: sampleOutcome({ asOf: '2024-03-14', lang: 'vi' }), asOf: '2024-03-14', live: false } }));
    await waitFor(() => expect(field().value).toBe('14/03/2024'));
    expect(pressed('Hôm nay')).toBe('false');
    expect(screen.getByText(/^Cố định ngày 14\/03\/2024/)).toBeTruthy();
  });
});
