/**
 * @jest-environment jsdom
 *
 * Requests from the ribbon commands, through the pane channel.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { WorkbookLock } from '../../src/hosts/excel/run-guard';
import { PaneChannel } from '../../src/taskpane/channel';
import { sampleOutcome } from './sample-plan';
import { opened, setup, isDisabled } from './taskpane-helpers';

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

describe('while a ribbon command holds the workbook', () => {
  it('the pane shows busy, says why and keeps its buttons disabled until the ribbon is done', async () => {
    const lock = new WorkbookLock();
    setup({ ribbonActivity: (listener) => lock.watch('ribbon', listener) });
    await opened();
    const check = () => screen.getByRole('button', { name: 'Kiểm tra và tô màu' });
    expect(isDisabled(check())).toBe(false);

    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let ribbonDone: Promise<void> = Promise.resolve();
    act(() => {
      ribbonDone = lock.run(() => held, 'ribbon');
    });
    expect((await screen.findByTestId('pane-spinner')).textContent).toBe('Nút Kiểm tra kế hoạch trên dải băng đang chạy…');
    expect(screen.getByTestId('pane-status').textContent).toBe('Nút Kiểm tra kế hoạch trên dải băng đang chạy…');
    expect(document.querySelector('main')!.getAttribute('aria-busy')).toBe('true');
    expect(isDisabled(check())).toBe(true);

    // A batch of anyone else (the support information, a tool) does not make the pane busy.
    await act(async () => {
      release();
      await ribbonDone;
      await lock.run(async () => undefined, 'other');
    });
    await waitFor(() => expect(isDisabled(check())).toBe(false));
    expect(screen.queryByText('Nút Kiểm tra kế hoạch trên dải băng đang chạy…')).toBeNull();
    expect(screen.queryByTestId('pane-spinner')).toBeNull();
    expect(document.querySelector('main')!.getAttribute('aria-busy')).toBe('false');
  });
});
