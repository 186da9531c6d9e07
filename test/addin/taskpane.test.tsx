/**
 * @jest-environment jsdom
 *
 * The task pane over an in-memory PlanHost: what it shows, what it asks of the host, how it
 * behaves while waiting and when something fails.
 */
import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { PaneChannel } from '../../src/taskpane/channel';
import type { Lang } from '../../src/engine/model';
import { MemoryHost, gate } from './memory-host';
import { MARKUP_TASK, sampleOutcome } from './sample-plan';

const TODAY = '2024-05-15';

function setup(options: { lang?: Lang; host?: MemoryHost; channel?: PaneChannel } = {}) {
  const host = options.host ?? new MemoryHost(sampleOutcome);
  const onLangChange = jest.fn();
  const user = userEvent.setup();
  const view = render(
    <App host={host} initialLang={options.lang ?? 'vi'} onLangChange={onLangChange} channel={options.channel} today={() => TODAY} />,
  );
  return { host, user, onLangChange, ...view };
}

async function opened() {
  await screen.findByTestId('recognised');
}

function groupOrder(): string[] {
  return [...document.querySelectorAll('[data-testid^="group-"]')].map((e) => e.getAttribute('data-testid')!.replace('group-', ''));
}

describe('task pane', () => {
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
    expect(screen.getByRole('heading', { name: 'Kiểm tra kế hoạch CCHC' })).toBeTruthy();
  });

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

  it('runs the check with the chosen as-of date and shows its results as written', async () => {
    const { host, user } = setup();
    await opened();
    expect(screen.getByText(/Mới đọc, chưa ghi vào trang tính/)).toBeTruthy();
    const date = screen.getByLabelText('Tính đến ngày') as HTMLInputElement;
    expect(date.value).toBe(TODAY);
    await user.clear(date);
    await user.type(date, '2024-06-30');
    await user.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(host.callsOf('check')).toEqual([[{ asOf: '2024-06-30', lang: 'vi' }]]));
    await waitFor(() => expect(screen.queryByText(/Mới đọc, chưa ghi vào trang tính/)).toBeNull());
    expect(screen.getByRole('heading', { name: /Kết quả kiểm tra — 30\/06\/2024/ })).toBeTruthy();
  });

  it('shows a busy state while the check runs and keeps the buttons from starting a second one', async () => {
    const { host, user } = setup();
    await opened();
    const held = gate();
    host.holds.check = held;
    const button = screen.getByRole('button', { name: 'Kiểm tra' });
    await user.click(button);
    const status = screen.getByTestId('pane-status');
    await waitFor(() => expect(status.textContent).toContain('Đang kiểm tra kế hoạch…'));
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    await user.click(button);
    expect(host.callsOf('check')).toHaveLength(1);
    await act(async () => held.open());
    await waitFor(() => expect(status.textContent).toBe('6 nhiệm vụ: 5 lỗi, 1 cảnh báo, 1 lưu ý.'));
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });

  it('shows an error from the host in an alert and stays usable', async () => {
    const { host, user } = setup();
    await opened();
    host.holds.check = gate();
    host.holds.check.fail(new Error('Trang tính đang được bảo vệ.'));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không thực hiện được');
    expect(alert.textContent).toContain('Trang tính đang được bảo vệ.');
    expect(screen.getByRole('button', { name: 'Kiểm tra' }).hasAttribute('disabled')).toBe(false);
    await user.click(within(alert).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly when there is no appendix table, from the host, in the chosen language', async () => {
    const host = new MemoryHost((r) => ({ ok: false, message: r.lang === 'vi' ? 'Không tìm thấy bảng phụ lục trên trang tính này.' : 'No appendix table on this sheet.' }));
    setup({ host });
    await waitFor(() => expect(screen.getByTestId('not-recognised').textContent).toBe('Không tìm thấy bảng phụ lục trên trang tính này.'));
    expect(screen.getByRole('heading', { name: 'Chưa nhận diện được bảng phụ lục' })).toBeTruthy();
    expect(screen.queryByTestId('results-summary')).toBeNull();
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

  it('switches language: the pane speaks English, reads the issues again in English and remembers the choice', async () => {
    const { host, user, onLangChange } = setup();
    await opened();
    await user.selectOptions(screen.getByLabelText('Ngôn ngữ'), 'en');
    expect(onLangChange).toHaveBeenCalledWith('en');
    expect(screen.getByRole('heading', { name: 'CCHC plan checker' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Quarterly report' })).toBeTruthy();
    await waitFor(() => expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'vi' }], [{ asOf: TODAY, lang: 'en' }]]));
    expect(await screen.findAllByRole('button', { name: /No lead unit/ })).toHaveLength(2);
    expect(screen.getByTestId('results-summary').textContent).toBe('6 tasks: 5 errors, 1 warning, 1 note.');
    expect(within(screen.getByTestId('group-overdue')).getByText('Error')).toBeTruthy();
    expect(within(screen.getByTestId('group-lead-missing')).getByText('Lead unit missing')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Language'), 'vi');
    expect(screen.getByRole('heading', { name: 'Kiểm tra kế hoạch CCHC' })).toBeTruthy();
  });

  it('starts in English when asked to', async () => {
    const { host } = setup({ lang: 'en' });
    await opened();
    expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'en' }]]);
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  });

  it('saves a column-role correction for the sheet and reads the sheet again with it', async () => {
    const { host, user } = setup();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Vai trò các cột' }));
    const noteColumn = screen.getByLabelText('Cột G — Ghi chú') as HTMLSelectElement;
    expect(noteColumn.value).toBe('note');
    await user.selectOptions(noteColumn, 'status');
    await waitFor(() => expect(host.callsOf('saveCorrection')).toEqual([['Phụ lục KH CCHC', { G: 'status' }]]));
    await waitFor(() => expect(host.callsOf('inspect')).toHaveLength(2));
    expect(await screen.findByText('Đã lưu: cột G là “Tình trạng”.')).toBeTruthy();

    // Moving the lead role to column F takes it away from E explicitly; the earlier correction stays.
    await user.selectOptions(screen.getByLabelText('Cột F — Phối hợp thực hiện'), 'lead');
    await waitFor(() => expect(host.callsOf('saveCorrection')[1]).toEqual(['Phụ lục KH CCHC', { G: 'status', F: 'lead', E: 'none' }]));
    await user.click(await screen.findByRole('button', { name: 'Bỏ các điều chỉnh' }));
    await waitFor(() => expect(host.callsOf('saveCorrection')[2]).toEqual(['Phụ lục KH CCHC', {}]));
  });
});

describe('quarterly report tab', () => {
  it('defaults to the report due next, states its dates and previews the counts', async () => {
    const { user } = setup();
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    // 15/05/2024: the next report due is the half-year one (20/06), preferred to quý II.
    expect((screen.getByLabelText('Kỳ báo cáo') as HTMLSelectElement).value).toBe('H1');
    expect((screen.getByLabelText('Năm') as HTMLInputElement).value).toBe('2024');
    expect(screen.getByTestId('period-words').textContent).toBe('Số liệu tính từ ngày 15/12/2023 đến ngày 14/06/2024; hạn gửi báo cáo 20/06/2024.');
    expect((screen.getByLabelText(/Đánh giá tình trạng tính đến ngày/) as HTMLInputElement).value).toBe('2024-06-14');
    expect((screen.getByLabelText('Cơ quan báo cáo') as HTMLInputElement).value).toBe('Sở Xây dựng');
    const preview = screen.getByTestId('report-preview');
    const figure = (label: string) => within(preview).getByText(label).nextElementSibling?.textContent;
    // As of 14/06: one task done (20/04, before its due), two past due and not done (31/03 and
    // 31/05), two not yet due, one without a deadline.
    expect(figure('Hoàn thành đúng hạn')).toBe('1');
    expect(figure('Quá hạn chưa hoàn thành')).toBe('2');
    expect(figure('Chưa đến hạn')).toBe('2');
    expect(figure('Không có mốc thời gian')).toBe('1');
    expect(figure('Tổng số nhiệm vụ')).toBe('6');

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Q1');
    expect(screen.getByTestId('period-words').textContent).toBe('Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024; hạn gửi báo cáo 20/03/2024.');
    expect((screen.getByLabelText(/Đánh giá tình trạng tính đến ngày/) as HTMLInputElement).value).toBe('2024-03-14');
  });

  it('builds the report, asking before it replaces a sheet, and remembers the agency', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.reportOutcome = async (request) => {
      const replace = await request.confirmReplace('BC 6 tháng-2024');
      return replace ? { ok: true, sheetName: 'BC 6 tháng-2024', replaced: true } : { ok: false, cancelled: true, message: 'cancelled' };
    };
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    const agency = screen.getByLabelText('Cơ quan báo cáo');
    await user.clear(agency);
    await user.type(agency, 'Sở Xây dựng tỉnh Nam Hà');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Sổ tính đã có trang “BC 6 tháng-2024”');
    await user.click(within(dialog).getByRole('button', { name: 'Thay thế' }));
    expect(await screen.findByText('Đã thay thế trang “BC 6 tháng-2024”.', { selector: '*:not([role=status])' })).toBeTruthy();
    const [request] = host.callsOf('buildReport')[0] as [Record<string, unknown>];
    expect(request).toMatchObject({ period: 'H1', year: 2024, asOf: '2024-06-14', agency: 'Sở Xây dựng tỉnh Nam Hà', lang: 'vi' });
    await waitFor(() => expect(host.state.settings.agency).toBe('Sở Xây dựng tỉnh Nam Hà'));

    // Answering no changes nothing and says so.
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Huỷ' }));
    expect(await screen.findByText('Đã huỷ, không có gì thay đổi.')).toBeTruthy();
  });

  it('shows the reason when the report cannot be built', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.reportOutcome = async () => ({ ok: false, message: 'Trang tính đang được bảo vệ, không tạo được báo cáo.' });
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Trang tính đang được bảo vệ, không tạo được báo cáo.');
  });
});

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
