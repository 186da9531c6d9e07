/**
 * @jest-environment jsdom
 *
 * The check tab: the first read of the sheet, the check itself, waiting and failing.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { MemoryHost, gate } from './memory-host';
import { TODAY, setup, opened, isDisabled } from './taskpane-helpers';

describe('task pane: check tab', () => {
  it('reads the active sheet on opening, without writing, and says what it recognised', async () => {
    const { host } = setup();
    await opened();
    expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'vi' }]]);
    expect(host.callsOf('check')).toEqual([]);
    const facts = screen.getByTestId('recognised');
    expect(within(facts).getByText('Phụ lục KH CCHC')).toBeTruthy();
    expect(within(facts).getByText('A4:G13')).toBeTruthy();
    expect(within(facts).getByText('6')).toBeTruthy(); // tasks
    expect(within(facts).getByText('2')).toBeTruthy(); // sections
    expect(within(facts).getByText('2024')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Kế hoạch CCHC' })).toBeTruthy();
  });

  it('says plainly when there is no appendix table, from the host, in the chosen language', async () => {
    const host = new MemoryHost((r) => ({ ok: false, message: r.lang === 'vi' ? 'Không tìm thấy bảng phụ lục trên trang tính này.' : 'No appendix table on this sheet.' }));
    setup({ host });
    await waitFor(() => expect(screen.getByTestId('not-recognised').textContent).toBe('Không tìm thấy bảng phụ lục trên trang tính này.'));
    expect(screen.getByRole('heading', { name: 'Chưa nhận diện được bảng phụ lục' })).toBeTruthy();
    expect(screen.queryByTestId('results-summary')).toBeNull();
  });

  it('runs the check with the chosen as-of date and shows its results as written', async () => {
    const { host, user } = setup();
    await opened();
    expect(screen.getByText(/Mới đọc, chưa ghi vào trang tính/)).toBeTruthy();
    const date = screen.getByLabelText('Tính đến ngày') as HTMLInputElement;
    expect(date.value).toBe('15/05/2024'); // TODAY, as Vietnamese write it
    await user.clear(date);
    await user.type(date, '30/06/2024');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    // A day typed is a review as of that day: the check fixes it in the sheet's as-of cell.
    await waitFor(() => expect(host.callsOf('check')).toEqual([[{ asOf: '2024-06-30', lang: 'vi', fixAsOf: true }]]));
    await waitFor(() => expect(screen.queryByText(/Mới đọc, chưa ghi vào trang tính/)).toBeNull());
    expect(screen.getByRole('heading', { name: /Kết quả kiểm tra — 30\/06\/2024/ })).toBeTruthy();
  });

  it('shows a busy state while the check runs and keeps the buttons from starting a second one', async () => {
    const { host, user } = setup();
    await opened();
    const held = gate();
    host.holds.check = held;
    const button = screen.getByRole('button', { name: 'Kiểm tra và tô màu' });
    await user.click(button);
    const status = screen.getByTestId('pane-status');
    await waitFor(() => expect(status.textContent).toContain('Đang kiểm tra kế hoạch…'));
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(isDisabled(button)).toBe(true);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    await user.click(button);
    expect(host.callsOf('check')).toHaveLength(1);
    await act(async () => held.open());
    await waitFor(() => expect(status.textContent).toBe('6 nhiệm vụ: 5 lỗi, 1 cảnh báo, 1 lưu ý.'));
    expect(isDisabled(button)).toBe(false);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });

  it('shows an error from the host in an alert and stays usable', async () => {
    const { host, user } = setup();
    await opened();
    host.holds.check = gate();
    host.holds.check.fail(new Error('Trang tính đang được bảo vệ.'));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không thực hiện được');
    expect(alert.textContent).toContain('Trang tính đang được bảo vệ.');
    expect(isDisabled(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }))).toBe(false);
    await user.click(within(alert).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
