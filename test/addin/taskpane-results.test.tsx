/**
 * @jest-environment jsdom
 *
 * The check's results: issue groups, going to a row, sheet text shown as text.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { MARKUP_TASK } from './sample-plan';
import { setup, opened, groupOrder } from './taskpane-helpers';

describe('task pane: results', () => {
  it('groups the results by issue code, errors first, with the number of rows in each group', async () => {
    setup();
    await opened();
    expect(screen.getByTestId('results-summary').textContent).toBe('6 nhiệm vụ: 5 lỗi, 1 cảnh báo, 1 lưu ý.');
    expect(groupOrder()).toEqual(['lead-missing', 'deadline-missing', 'output-missing', 'overdue', 'output-unquantified', 'due-soon']);
    const lead = screen.getByTestId('group-lead-missing');
    expect(within(lead).getByText('Lỗi')).toBeTruthy();
    expect(within(lead).getByText('Thiếu đơn vị chủ trì')).toBeTruthy();
    expect(within(lead).getByText('(2 dòng)')).toBeTruthy();
    expect(within(screen.getByTestId('group-output-unquantified')).getByText('Cảnh báo')).toBeTruthy();
    // The two rows without a lead, in sheet order.
    const rows = screen.getAllByRole('button', { name: /Chưa có đơn vị chủ trì/ });
    expect(rows.map((b) => b.getAttribute('data-address'))).toEqual(['A8:G8', 'A13:G13']);
  });

  it('selects the row of an issue in the sheet when it is clicked or activated with the keyboard', async () => {
    const { host, user } = setup();
    await opened();
    await user.click(screen.getByRole('button', { name: /Quá hạn 45 ngày/ }));
    expect(host.callsOf('select')).toEqual([['Phụ lục KH CCHC', 'A10:G10']]);
    await waitFor(() => expect(screen.getByTestId('pane-status').textContent).toBe('Đã chọn A10:G10.'));

    const unquantified = screen.getByRole('button', { name: /Sản phẩm chưa có chỉ tiêu/ });
    unquantified.focus();
    await user.keyboard('{Enter}');
    expect(host.callsOf('select')[1]).toEqual(['Phụ lục KH CCHC', 'A11:G11']);
    await user.keyboard(' ');
    expect(host.callsOf('select')).toHaveLength(3);
  });

  it('shows text from the cells literally, markup included, and never as HTML', async () => {
    setup();
    await opened();
    const item = screen.getByRole('button', { name: /Sản phẩm chưa có chỉ tiêu/ });
    expect(item.textContent).toContain(MARKUP_TASK);
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
