/**
 * @jest-environment jsdom
 *
 * The report tab as a document: its details (from the plan's title rows, then the workbook's
 * settings, editable, saved, passed to the report), the preview as a stacked bar per reform
 * area with its numbers beside it as text, and the Word report downloaded from the browser.
 */
import './jsdom-text-encoder';
import { screen, waitFor, within } from '@testing-library/react';
import type { CheckRequest } from '../../src/hosts/plan-host';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { setup, opened, isDisabled } from './taskpane-helpers';
import { readDocx } from '../report/docx-text';

/** The sample plan, its title rows naming a governing agency, a place and the plan's symbol. */
function titledOutcome(request: CheckRequest) {
  const outcome = sampleOutcome(request);
  if (!outcome.ok) return outcome;
  return { ok: true as const, analysis: { ...outcome.analysis, titleBlock: { governingAgency: 'UBND TỈNH NAM HÀ', agency: 'SỞ XÂY DỰNG', place: 'Nam Hà', docSymbol: 'SXD' } } };
}

async function reportTab(options: Parameters<typeof setup>[0] = {}) {
  const view = setup({ host: new MemoryHost(titledOutcome), ...options });
  await opened();
  await view.user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
  return view;
}

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); its FileReader reads them). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement).value;

describe('the document\'s details', () => {
  it('start from the plan\'s title rows, and show the number they make', async () => {
    await reportTab();
    expect(value('Cơ quan chủ quản')).toBe('UBND TỈNH NAM HÀ');
    // The agency as the plan writes it in running text (analysis.agency) wins over the capitals.
    expect(value('Cơ quan báo cáo')).toBe('Sở Xây dựng');
    expect(value('Địa danh')).toBe('Nam Hà');
    expect(value('Ký hiệu cơ quan trong số văn bản')).toBe('SXD');
    expect(screen.getByText('Số văn bản: …/BC-SXD')).toBeTruthy();
    expect(value('Họ và tên người ký')).toBe('');
  });

  it('start from the workbook\'s settings when it has them', async () => {
    const host = new MemoryHost(titledOutcome);
    host.state.settings = { ...host.state.settings, governingAgency: 'UBND tỉnh Nam Hà', signerTitle: 'GIÁM ĐỐC', signerName: 'Lê Văn Bình', recipients: ['Sở Nội vụ', 'Lưu: VT'] };
    await reportTab({ host });
    expect(value('Cơ quan chủ quản')).toBe('UBND tỉnh Nam Hà');
    expect(value('Chức vụ người ký (mỗi dòng một dòng)')).toBe('GIÁM ĐỐC');
    expect(value('Nơi nhận (mỗi dòng một nơi)')).toBe('Sở Nội vụ\nLưu: VT');
  });

  it('go with the report to the host and are saved in the workbook', async () => {
    const { user, host } = await reportTab();
    await user.type(screen.getByLabelText('Chức vụ người ký (mỗi dòng một dòng)'), 'KT. GIÁM ĐỐC{Enter}PHÓ GIÁM ĐỐC');
    await user.type(screen.getByLabelText('Họ và tên người ký'), 'Trần Thị Hoa');
    await user.type(screen.getByLabelText('Nơi nhận (mỗi dòng một nơi)'), 'Sở Nội vụ (để báo cáo){Enter}Giám đốc Sở');
    await user.clear(screen.getByLabelText('Địa danh'));
    await user.type(screen.getByLabelText('Địa danh'), 'Thành phố Nam Hà');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(() => expect(host.callsOf('buildReport')).toHaveLength(1));
    const [request] = host.callsOf('buildReport')[0] as [Record<string, unknown>];
    expect(request).toMatchObject({
      agency: 'Sở Xây dựng',
      document: {
        governingAgency: 'UBND TỈNH NAM HÀ',
        place: 'Thành phố Nam Hà',
        docSymbol: 'SXD',
        signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
        signerName: 'Trần Thị Hoa',
        recipients: ['Sở Nội vụ (để báo cáo)', 'Giám đốc Sở'],
      },
    });
    await waitFor(() => expect(host.state.settings).toMatchObject({ place: 'Thành phố Nam Hà', signerName: 'Trần Thị Hoa', recipients: ['Sở Nội vụ (để báo cáo)', 'Giám đốc Sở'], agency: 'Sở Xây dựng' }));
  });
});

describe('the preview', () => {
  it('draws a stacked bar per reform area, each class in its colour, and keeps the numbers as text', async () => {
    await reportTab();
    // As of 14/06/2024 (H1). I: the 31/05 task in progress is overdue, the 30/06 one not due.
    // II: 31/03 overdue, 30/09 not due, no deadline, done 20/04 on time.
    const chart = screen.getByTestId('report-chart');
    expect(chart.getAttribute('aria-label')).toMatch(/Biểu đồ thanh xếp chồng/);
    const bars = chart.querySelectorAll('svg');
    expect(bars).toHaveLength(2);
    const segments = (i: number) => [...bars[i].querySelectorAll('rect')].map((r) => [r.getAttribute('aria-label'), r.getAttribute('fill')]);
    expect(segments(0)).toEqual([
      ['Quá hạn chưa hoàn thành, 1/2.', '#D13438'],
      ['Chưa đến hạn, 1/2.', '#8A8886'],
    ]);
    expect(segments(1)).toEqual([
      ['Hoàn thành đúng hạn, 1/4.', '#107C10'],
      ['Quá hạn chưa hoàn thành, 1/4.', '#D13438'],
      ['Chưa đến hạn, 1/4.', '#8A8886'],
      ['Không có mốc thời gian, 1/4.', '#CA5010'],
    ]);
    const rows = within(screen.getByTestId('report-areas')).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Lĩnh vực', 'Hoàn thành', 'Quá hạn', 'Tổng'],
      ['I. Cải cách thể chế', '0', '1', '2'],
      ['II. Cải cách thủ tục hành chính', '1', '1', '4'],
    ]);
  });

  it('follows the period: Q1 judged on 14/03 has nothing overdue in area I', async () => {
    const { user } = await reportTab();
    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Q1');
    const rows = within(screen.getByTestId('report-areas')).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    // 14/03: the 31/03 task is not yet due, the one done 20/04 not yet done.
    expect(rows.slice(1)).toEqual([
      ['I. Cải cách thể chế', '0', '0', '2'],
      ['II. Cải cách thủ tục hành chính', '0', '0', '4'],
    ]);
  });
});

describe('Tải báo cáo Word (.docx)', () => {
  it('reads the sheet again, builds the Word report in the pane and hands it to the browser', async () => {
    const saved: { blob: Blob; name: string }[] = [];
    const { user, host } = await reportTab({ saveFile: (blob, name) => saved.push({ blob, name }) });
    await user.type(screen.getByLabelText('Họ và tên người ký'), 'Trần Thị Hoa');
    const inspectsBefore = host.callsOf('inspect').length;
    await user.click(screen.getByRole('button', { name: 'Tải báo cáo Word (.docx)' }));
    // Loading the Word builder and packing the file take a moment in jsdom.
    expect(await screen.findByText('Đã tạo tệp “BC-6-thang-2024.docx”: mở trong Word để hoàn thiện và ký.', { selector: '*:not([role=status])' }, { timeout: 20_000 })).toBeTruthy();
    expect(host.callsOf('inspect').length).toBe(inspectsBefore + 1);
    expect(host.callsOf('buildReport')).toHaveLength(0);
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['BC-6-thang-2024.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]);

    const docx = await readDocx(await bytesOf(saved[0].blob));
    expect(docx.tables[0][0][0].split('\n')).toEqual(['UBND TỈNH NAM HÀ', 'SỞ XÂY DỰNG', '', 'Số: …/BC-SXD']);
    expect(docx.body).toContain('Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024');
    // Table 1 holds the preview's numbers: I — 0 done, 1 overdue, 2 tasks; II — 1, 1, 4.
    const areas = docx.tables[1].slice(1).map((r) => [r[1], r[5], r[8], r[9]]);
    expect(areas).toEqual([
      ['Cải cách thể chế', '1', '2', '0'],
      ['Cải cách thủ tục hành chính', '1', '4', '1'],
      ['Tổng cộng', '2', '6', '1'],
    ]);
    expect(docx.tables.at(-1)![0][1]).toContain('Trần Thị Hoa');
    await waitFor(() => expect(host.state.settings.signerName).toBe('Trần Thị Hoa'));
  });

  it('says why when the sheet cannot be read, and downloads nothing', async () => {
    const saved: string[] = [];
    const host = new MemoryHost(titledOutcome);
    const { user } = await reportTab({ host, saveFile: (_, name) => saved.push(name) });
    host.outcome = () => ({ ok: false, message: 'Không tìm thấy bảng phụ lục trên trang tính đang mở.' });
    await user.click(screen.getByRole('button', { name: 'Tải báo cáo Word (.docx)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Không tìm thấy bảng phụ lục trên trang tính đang mở.');
    expect(saved).toEqual([]);
  });

  it('cannot be used before the appendix is recognised or while the year is wrong', async () => {
    const { user } = await reportTab();
    const year = screen.getByLabelText('Năm');
    await user.clear(year);
    await user.type(year, '20');
    expect(isDisabled(screen.getByRole('button', { name: 'Tải báo cáo Word (.docx)' }))).toBe(true);
  });
});

describe('the browser download', () => {
  it('clicks a hidden link to an object URL named after the report, then lets the URL go', async () => {
    const { saveThroughLink } = await import('../../src/taskpane/report/download');
    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const url = URL as unknown as { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void };
    const [create, revoke] = [url.createObjectURL, url.revokeObjectURL];
    url.createObjectURL = (b) => (created.push(b), 'blob:report-1');
    url.revokeObjectURL = (u) => void revoked.push(u);
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    try {
      jest.useFakeTimers();
      const blob = new Blob(['x'], { type: 'application/octet-stream' });
      saveThroughLink(blob, 'BC-Quy-III-2024.docx');
      expect(created).toEqual([blob]);
      expect(clicked).toEqual([{ href: 'blob:report-1', download: 'BC-Quy-III-2024.docx', attached: true }]);
      expect(document.querySelector('a[download]')).toBeNull();
      expect(revoked).toEqual([]);
      jest.runAllTimers();
      expect(revoked).toEqual(['blob:report-1']);
    } finally {
      jest.useRealTimers();
      click.mockRestore();
      url.createObjectURL = create;
      url.revokeObjectURL = revoke;
    }
  });
});
