/**
 * The ribbon commands' behaviour, with Office replaced by recorded dependencies: what is checked,
 * when the pane opens, when a short notice is enough, and that the event always completes.
 */
import { createCommandHandlers, type CommandDeps } from '../../src/commands/handlers';
import { PaneChannel, type PaneRequest } from '../../src/taskpane/channel';
import type { CheckOutcome } from '../../src/hosts/plan-host';
import { MemoryHost, makeAnalysis } from './memory-host';
import { sampleOutcome } from './sample-plan';

function harness(host: MemoryHost, overrides: Partial<CommandDeps> = {}) {
  const channel = new PaneChannel();
  const posted: PaneRequest[] = [];
  channel.subscribe((r) => posted.push(r));
  const showPane = jest.fn(async () => undefined);
  const notify = jest.fn(async (_message: string, _lang: 'vi' | 'en') => undefined);
  const deps: CommandDeps = { host: () => host, channel, lang: () => 'vi', today: () => '2024-05-15', showPane, notify, ...overrides };
  const event = { completed: jest.fn() };
  return { handlers: createCommandHandlers(deps), posted, showPane: deps.showPane as jest.Mock, notify: deps.notify as jest.Mock, event };
}

const cleanPlan = (): CheckOutcome => ({
  ok: true,
  analysis: makeAnalysis({
    tasks: [
      { row: 7, stt: '1', task: 'Ban hành kế hoạch kiểm tra công vụ năm 2024', output: 'Kế hoạch', lead: 'Văn phòng Sở', deadline: 'Tháng 10/2024', due: '2024-10-31' },
      { row: 8, stt: '2', task: 'Báo cáo kết quả thực hiện nhiệm vụ cải cách', output: 'Báo cáo quý', lead: 'Văn phòng Sở', deadline: 'Tháng 6/2024', due: '2024-06-10', issues: [['due-soon', 'Còn 26 ngày đến hạn.']] },
    ],
  }),
});

describe('ribbon: Kiểm tra kế hoạch', () => {
  it('checks the active sheet as of today and opens the pane on the results when there are problems', async () => {
    const host = new MemoryHost(sampleOutcome);
    const { handlers, posted, showPane, notify, event } = harness(host);
    await handlers.validatePlan(event);
    expect(host.callsOf('check')).toEqual([[{ asOf: '2024-05-15', lang: 'vi' }]]);
    expect(posted).toHaveLength(1);
    expect(posted[0].tab).toBe('check');
    expect(posted[0].check?.asOf).toBe('2024-05-15');
    expect(posted[0].check?.outcome.ok).toBe(true);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(notify).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('a sheet reviewed as of a fixed day is checked as of that day and keeps it fixed, not reset to today', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.asOfCell = { mode: 'fixed', day: '2024-03-14' };
    const { handlers, posted, event } = harness(host);
    await handlers.validatePlan(event);
    expect(host.callsOf('check')).toEqual([[{ asOf: '2024-03-14', lang: 'vi', fixAsOf: true }]]);
    expect(host.asOfCell).toEqual({ mode: 'fixed', day: '2024-03-14' });
    expect(posted[0].check).toMatchObject({ asOf: '2024-03-14', live: false });
    // A live sheet stays live, checked as of today.
    host.asOfCell = { mode: 'live' };
    await handlers.validatePlan(event);
    expect(host.callsOf('check')[1]).toEqual([{ asOf: '2024-05-15', lang: 'vi' }]);
    expect(host.asOfCell).toEqual({ mode: 'live' });
  });

  it('only shows a short notice when nothing needs fixing (a task due soon is not a problem)', async () => {
    const host = new MemoryHost(cleanPlan);
    const { handlers, showPane, notify, event } = harness(host, { lang: () => 'en' });
    await handlers.validatePlan(event);
    expect(host.callsOf('check')).toEqual([[{ asOf: '2024-05-15', lang: 'en' }]]);
    expect(notify).toHaveBeenCalledWith('Checked 2 tasks: no errors or warnings; 1 note (due soon).', 'en');
    expect(showPane).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('opens the pane instead when the notice cannot be shown', async () => {
    const { handlers, showPane, event } = harness(new MemoryHost(cleanPlan), { notify: jest.fn(async () => Promise.reject(new Error('12007'))) });
    await handlers.validatePlan(event);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('opens the pane on the reason when no table is found', async () => {
    const host = new MemoryHost(() => ({ ok: false, message: 'Không tìm thấy bảng phụ lục trên trang tính này.' }));
    const { handlers, posted, showPane, event } = harness(host);
    await handlers.validatePlan(event);
    expect(posted[0].check?.outcome).toEqual({ ok: false, message: 'Không tìm thấy bảng phụ lục trên trang tính này.' });
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event after an error, and shows the error in the pane', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.check = async () => {
      throw new Error('The workbook is in cell-edit mode.');
    };
    const { handlers, posted, showPane, event } = harness(host, { showPane: jest.fn(async () => Promise.reject(new Error('no pane'))) });
    await handlers.validatePlan(event);
    expect(posted).toEqual([{ tab: 'check', error: 'Đã xảy ra lỗi: The workbook is in cell-edit mode.' }]);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('ribbon: Báo cáo quý', () => {
  it('opens the pane on the report tab and completes', async () => {
    const { handlers, posted, showPane, event } = harness(new MemoryHost(sampleOutcome));
    await handlers.openReport(event);
    expect(posted).toEqual([{ tab: 'report' }]);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when the pane cannot be shown', async () => {
    const { handlers, event } = harness(new MemoryHost(sampleOutcome), { showPane: jest.fn(async () => Promise.reject(new Error('no pane'))) });
    await handlers.openReport(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
