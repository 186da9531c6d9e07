/**
 * @jest-environment jsdom
 *
 * Taking it back in the pane (TakeBack.tsx): "Gỡ tô màu" at once; "Gỡ cột theo dõi" at once when
 * the block is empty, otherwise only after a dialog that says how many statuses, dates and
 * results would be lost; the sheet read again afterwards; English too.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { CleanOutcome, CleanRequest } from '../../src/hosts/plan-host';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { opened, setup } from './taskpane-helpers';

const APPLIED: CleanOutcome = { ok: true, outcome: 'applied', lost: { statuses: 0, doneDates: 0, results: 0 }, removedColumns: ['H', 'I', 'J', 'K', 'L'], keptColumns: [], unrecorded: false };
const FILLED: CleanOutcome = { ok: true, outcome: 'needs-confirmation', lost: { statuses: 2, doneDates: 1, results: 1 }, removedColumns: ['H', 'I', 'J', 'K', 'L'], keptColumns: [], unrecorded: false };

/** The memory host with a clean() that answers in turn and records its requests. */
function hostWith(...answers: CleanOutcome[]) {
  const host = new MemoryHost(sampleOutcome);
  const requests: CleanRequest[] = [];
  const clean = jest.fn(async (request: CleanRequest) => {
    requests.push(request);
    return answers.shift() ?? APPLIED;
  });
  Object.assign(host, { clean });
  return { host, requests };
}

describe('task pane: taking it back', () => {
  it('“Gỡ tô màu” removes the highlights at once and reads the sheet again', async () => {
    const { host, requests } = hostWith({ ...APPLIED, removedColumns: [] });
    const { user } = setup({ host });
    await opened();
    const reads = host.callsOf('inspect').length;
    await user.click(screen.getByRole('button', { name: 'Gỡ tô màu' }));
    expect(await screen.findByText('Đã gỡ tô màu của tiện ích; tô màu của bạn được giữ nguyên.')).toBeTruthy();
    expect(requests).toEqual([{ scope: 'highlights', lang: 'vi', allowLoss: false }]);
    await waitFor(() => expect(host.callsOf('inspect').length).toBe(reads + 1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('“Gỡ cột theo dõi” on an empty block: at once, no question', async () => {
    const { host, requests } = hostWith(APPLIED);
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Gỡ cột theo dõi' }));
    expect(await screen.findByText('Đã gỡ tô màu và cột theo dõi (cột H, I, J, K, L).')).toBeTruthy();
    expect(requests).toEqual([{ scope: 'block', lang: 'vi', allowLoss: false }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('a block with filled statuses: a question with the counts; cancelled, nothing more; confirmed, removed', async () => {
    const { host, requests } = hostWith(FILLED, FILLED, APPLIED);
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Gỡ cột theo dõi' }));
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/2 tình trạng, 1 ngày hoàn thành và 1 kết quả thực hiện đã điền/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requests).toEqual([{ scope: 'block', lang: 'vi', allowLoss: false }]);
    expect(screen.queryByTestId('take-back-result')).toBeNull();

    // The pane is usable again once the dialog has gone (Fluent lifts aria-hidden then).
    await user.click(await screen.findByRole('button', { name: 'Gỡ cột theo dõi' }));
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Gỡ và xoá dữ liệu' }));
    expect(await screen.findByText('Đã gỡ tô màu và cột theo dõi (cột H, I, J, K, L).')).toBeTruthy();
    expect(requests.map((r) => r.allowLoss)).toEqual([false, false, true]);
  });

  it('in English, with the columns of the table kept said', async () => {
    const { host } = hostWith({ ...APPLIED, removedColumns: ['I', 'J', 'K'], keptColumns: ['G', 'H'] });
    const { user } = setup({ host, lang: 'en' });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Remove tracking columns' }));
    const result = await screen.findByTestId('take-back-result');
    expect(result.textContent).toContain('Removed the highlights and the tracking columns (I, J, K).');
    expect(result.textContent).toContain("Kept column G, H: the table's own, not created by the add-in.");
  });

  it('a refusal from the host is shown as its sentence', async () => {
    const { host } = hostWith({ ok: false, message: 'Trang tính “Phụ lục” đang được bảo vệ: chưa có gì được ghi.' });
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Gỡ tô màu' }));
    expect(await screen.findByText('Trang tính “Phụ lục” đang được bảo vệ: chưa có gì được ghi.')).toBeTruthy();
  });

  it('is not offered by a host that cannot take things back', async () => {
    setup({ host: new MemoryHost(sampleOutcome) });
    await opened();
    expect(screen.queryByRole('button', { name: 'Gỡ tô màu' })).toBeNull();
  });
});
