/**
 * @jest-environment jsdom
 *
 * What each view shows once, and only there: one status line per view, cards that do not repeat
 * their group's title, counts that stay with the title, the spinner only after the replace
 * question was answered, distinct words for the title, the tab and the button.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { issueMessage } from '../../src/i18n/issues';
import type { CheckRequest, CheckOutcome, ReportRequest } from '../../src/hosts/plan-host';
import type { IssueCode, IssueParams, Lang } from '../../src/engine/model';
import { UI_STRINGS } from '../../src/taskpane/strings';
import { MemoryHost, gate, makeAnalysis, type TaskSpec } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { opened, setup } from './taskpane-helpers';

/** The text a sighted user sees under `root`: not in a hidden panel, not for screen readers only. */
function shownText(root: Element = document.body): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('[data-sr-only], [hidden]')) continue;
    out += node.nodeValue;
  }
  return out;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

const SUMMARY = '6 nhiệm vụ: 5 lỗi, 1 cảnh báo, 1 lưu ý.';

describe('one status line per view', () => {
  it('the check view shows the summary once, the report view not at all; screen readers hear it once', async () => {
    const { user } = setup();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Kiểm tra và tô màu' }));
    await waitFor(() => expect(screen.getByTestId('pane-status').textContent).toBe(SUMMARY));
    expect(occurrences(shownText(), SUMMARY)).toBe(1);
    expect(screen.getByTestId('results-summary').textContent).toBe(SUMMARY);
    // The live region is the only one that speaks: the shown summary is not a live region.
    expect(screen.getAllByRole('status')).toHaveLength(1);

    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    expect(occurrences(shownText(), SUMMARY)).toBe(0);
    expect(occurrences(shownText(), '5 lỗi')).toBe(0);
    expect(screen.getByTestId('pane-status').textContent).toBe('');
  });

  it('says that the report sheet was built in the message bar only', async () => {
    const { user } = setup();
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    const built = 'Đã tạo trang “BC H1-2024”.';
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain(built);
    expect(occurrences(shownText(), built)).toBe(1);
    expect(screen.getByTestId('pane-status').textContent).toBe(built);
  });
});

describe('the spinner and the replace question', () => {
  it('reads first, asks with no spinner behind the dialog, and says it builds only once the user said yes', async () => {
    const host = new MemoryHost(sampleOutcome);
    const reading = gate();
    const writing = gate();
    host.reportOutcome = async (request: ReportRequest) => {
      await reading.promise;
      request.onStep?.('analyse');
      if (!(await request.confirmReplace('BC 6 tháng-2024'))) return { ok: false, cancelled: true, message: 'cancelled' };
      request.onStep?.('write');
      await writing.promise;
      return { ok: true, sheetName: 'BC 6 tháng-2024', replaced: true };
    };
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    expect((await screen.findByTestId('pane-spinner')).textContent).toBe('Đang đọc trang tính…');
    expect(screen.queryByText('Đang tạo báo cáo…')).toBeNull();

    await act(async () => reading.open());
    const dialog = await screen.findByRole('dialog');
    expect(screen.queryByTestId('pane-spinner')).toBeNull();
    expect(screen.queryByText('Đang tạo báo cáo…')).toBeNull();
    expect(screen.getByTestId('pane-status').textContent).toBe('');

    await user.click(within(dialog).getByRole('button', { name: 'Thay thế' }));
    await waitFor(() => expect(screen.getByTestId('pane-spinner').textContent).toBe('Đang tạo báo cáo…'));
    expect(screen.getByTestId('pane-status').textContent).toBe('Đang tạo báo cáo…');
    await act(async () => writing.open());
    expect(await screen.findByText('Đã thay thế trang “BC 6 tháng-2024”.', { selector: '[data-testid=notice] *' })).toBeTruthy();
    expect(screen.queryByTestId('pane-spinner')).toBeNull();
  });
});

/** A plan whose issues carry the engine's own wording. */
function enginePlan(lang: Lang) {
  const says = (code: IssueCode, params: IssueParams = {}): [IssueCode, string] => [code, issueMessage(code, params, lang)];
  const tasks: TaskSpec[] = [
    { row: 7, stt: '1', task: 'Rà soát quy chế làm việc của Sở', output: 'Quy chế sửa đổi', lead: '', deadline: 'Tháng 6/2024', due: '2024-06-30', issues: [says('lead-missing')] },
    { row: 8, stt: '2', task: 'Công khai thủ tục hành chính trên cổng thông tin', output: 'Các thủ tục được công khai', lead: 'Văn phòng Sở', deadline: 'Tháng 3/2024', due: '2024-03-31', issues: [says('overdue', { daysLate: 45, due: '2024-03-31' }), says('output-unquantified')] },
    { row: 9, stt: '3', task: 'Nâng cao chất lượng phục vụ', output: 'Chất lượng được nâng lên', lead: 'Văn phòng Sở', deadline: 'Năm 2024', due: '2024-12-31', issues: [says('output-unquantified')] },
  ];
  return (request: CheckRequest): CheckOutcome => ({ ok: true, analysis: { ...makeAnalysis({ sheetName: 'Phụ lục', lang: request.lang, tasks }), asOf: request.asOf } });
}

function panelOf(code: string): HTMLElement {
  return screen.getByTestId(`group-${code}`).closest('.fui-AccordionItem') as HTMLElement;
}

describe('issue cards and group headers', () => {
  it.each([['vi'], ['en']] as const)('a card does not repeat its group title (%s); what the row adds is kept; an explanation is said once', async (lang) => {
    setup({ host: new MemoryHost(enginePlan(lang)), lang });
    await opened();
    const title = { vi: 'Thiếu đơn vị chủ trì', en: 'Lead unit missing' }[lang];
    const lead = panelOf('lead-missing');
    // The header has the title; the card only says where (its row, its task).
    expect(occurrences(shownText(lead), title)).toBe(1);
    expect(occurrences(shownText(lead), issueMessage('lead-missing', {}, lang))).toBe(lang === 'vi' ? 1 : 0);
    const card = within(lead).getByRole('button', { name: new RegExp(lang === 'vi' ? 'Dòng 7' : 'Row 7') });
    expect(shownText(card)).not.toContain(issueMessage('lead-missing', {}, lang));
    // Screen readers still hear which issue a card is about.
    expect(card.textContent).toContain(title);

    const overdue = within(panelOf('overdue')).getByRole('button', { name: /Dòng 8|Row 8/ });
    expect(shownText(overdue)).toContain(lang === 'vi' ? 'Quá hạn 45 ngày (hạn 31/03/2024)' : 'Overdue by 45 days (due 31/03/2024)');

    const vague = panelOf('output-unquantified');
    const explanation = { vi: 'Không có chỉ tiêu định lượng, không phải văn bản/sản phẩm cụ thể', en: 'Neither a number nor a concrete deliverable' }[lang];
    expect(within(vague).getAllByRole('button', { name: new RegExp(lang === 'vi' ? 'Dòng' : 'Row') })).toHaveLength(2);
    expect(occurrences(shownText(vague), explanation)).toBe(1);
    expect(within(vague).getByTestId('explain-output-unquantified').textContent).toBe(explanation);
    expect(occurrences(shownText(vague), issueMessage('output-unquantified', {}, lang))).toBe(0);
    expect(occurrences(shownText(vague), { vi: 'Sản phẩm chưa đo lường được', en: 'Output without a target' }[lang])).toBe(1);
  });

  it('keeps the count with the title, beside the badge, never split', async () => {
    setup({ host: new MemoryHost(enginePlan('vi')) });
    await opened();
    const header = screen.getByTestId('group-lead-missing');
    // Two columns: the badge, then the words; the count ends the words after a no-break space.
    expect([...header.children].map((c) => c.textContent)).toEqual(['Lỗi', 'Thiếu đơn vị chủ trì\u00a0(1 dòng)']);
    const count = within(header).getByText('(1 dòng)');
    expect(count.parentElement).toBe(header.children[1]);
  });
});

describe('distinct words for the title, the tab and the button', () => {
  it.each([['vi'], ['en']] as const)('%s', async (lang) => {
    const t = UI_STRINGS[lang];
    const words = [t.appTitle, t.tabCheck, t.checkButton];
    expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(3);
    // None is a part of another, so that none reads as the other.
    for (const a of words) for (const b of words) if (a !== b) expect(b.toLowerCase()).not.toContain(a.toLowerCase());
    setup({ lang });
    await opened();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t.appTitle);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe(t.tabCheck);
    expect(screen.getByRole('button', { name: t.checkButton })).toBeTruthy();
  });

  it('are the words the users asked for', () => {
    expect([UI_STRINGS.vi.appTitle, UI_STRINGS.vi.tabCheck, UI_STRINGS.vi.checkButton]).toEqual(['Kế hoạch CCHC', 'Rà soát', 'Kiểm tra và tô màu']);
    expect([UI_STRINGS.en.appTitle, UI_STRINGS.en.tabCheck, UI_STRINGS.en.checkButton]).toEqual(['CCHC plan', 'Review', 'Check and highlight']);
  });
});
