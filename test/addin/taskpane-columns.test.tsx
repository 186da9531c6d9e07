/**
 * @jest-environment jsdom
 *
 * The column-role editor: corrections saved for the sheet, which is then read again.
 */
import { screen, waitFor } from '@testing-library/react';
import { setup, opened } from './taskpane-helpers';

describe('task pane: column roles', () => {
  it('saves a column-role correction for the sheet and reads the sheet again with it', async () => {
    const { host, user } = setup();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Vai trò các cột' }));
    const noteColumn = screen.getByLabelText('Cột G — Ghi chú') as HTMLSelectElement;
    expect(noteColumn.value).toBe('note');
    await user.selectOptions(noteColumn, 'status');
    await waitFor(() => expect(host.callsOf('saveCorrection')).toEqual([['Phụ lục KH CCHC', { G: { role: 'status', header: 'Ghi chú' } }]]));
    await waitFor(() => expect(host.callsOf('inspect')).toHaveLength(2));
    expect(await screen.findByText('Đã lưu: cột G là “Tình trạng”.')).toBeTruthy();

    // Each entry remembers the header it was made on (it stops applying once another column
    // stands there). Moving the lead role to column F takes it away from E explicitly; the
    // earlier correction stays.
    await user.selectOptions(screen.getByLabelText('Cột F — Phối hợp thực hiện'), 'lead');
    await waitFor(() => expect(host.callsOf('saveCorrection')[1]).toEqual([
        'Phụ lục KH CCHC',
        { G: { role: 'status', header: 'Ghi chú' }, F: { role: 'lead', header: 'Phối hợp thực hiện' }, E: { role: 'none', header: 'Chủ trì thực hiện' } },
      ]));
    await user.click(await screen.findByRole('button', { name: 'Bỏ các điều chỉnh' }));
    await waitFor(() => expect(host.callsOf('saveCorrection')[2]).toEqual(['Phụ lục KH CCHC', {}]));
  });
});
