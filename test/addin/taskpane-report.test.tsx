/**
 * @jest-environment jsdom
 *
 * The quarterly report tab.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { setup, opened } from './taskpane-helpers';

describe('quarterly report tab', () => {
  it('defaults to the report due next, states its dates and previews the counts', async () => {
    const { user } = setup();
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    // 15/05/2024: the next report due is the half-year one (20/06), preferred to quý II.
    expect((screen.getByLabelText('Kỳ báo cáo') as HTMLSelectElement).value).toBe('H1');
    expect((screen.getByLabelText('Năm') as HTMLInputElement).value).toBe('2024');
    expect(screen.getByTestId('period-words').textContent).toBe('Số liệu tính từ ngày 15/12/2023 đến ngày 14/06/2024; hạn gửi báo cáo 20/06/2024.');
    expect((screen.getByLabelText(/Đánh giá tình trạng tính đến ngày/) as HTMLInputElement).value).toBe('14/06/2024');
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
    expect((screen.getByLabelText(/Đánh giá tình trạng tính đến ngày/) as HTMLInputElement).value).toBe('14/03/2024');
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

    // Answering no changes nothing and says so. (While the dialog was open the rest of the pane
    // was hidden from assistive technology; Fluent shows it again a moment after it closes.)
    await user.click(await screen.findByRole('button', { name: 'Tạo báo cáo' }));
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
