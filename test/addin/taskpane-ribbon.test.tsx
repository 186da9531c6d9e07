/**
 * @jest-environment jsdom
 *
 * Requests from the ribbon commands, through the pane channel.
 */
import { act, screen } from '@testing-library/react';
import { PaneChannel } from '../../src/taskpane/channel';
import { sampleOutcome } from './sample-plan';
import { setup } from './taskpane-helpers';

describe('requests from the ribbon', () => {
  it('shows a check run from the ribbon, even one posted before the pane opened, and opens the report tab on request', async () => {
    const channel = new PaneChannel();
    const analysis = sampleOutcome({ asOf: '2024-05-20', lang: 'vi' });
    channel.post({ tab: 'check', check: { outcome: analysis, asOf: '2024-05-20' } });
    setup({ channel });
    expect(await screen.findByText('Kết quả lần kiểm tra từ nút trên dải băng.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Kết quả kiểm tra — 20\/05\/2024/ })).toBeTruthy();
    expect(screen.queryByText(/Mới đọc, chưa ghi vào trang tính/)).toBeNull();

    act(() => channel.post({ tab: 'report' }));
    expect(screen.getByRole('tab', { name: 'Báo cáo quý' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: 'Tạo báo cáo' })).toBeTruthy();

    act(() => channel.post({ tab: 'check', error: 'Đã xảy ra lỗi: mất kết nối.' }));
    expect(screen.getByRole('alert').textContent).toContain('Đã xảy ra lỗi: mất kết nối.');
  });
});
