/**
 * @jest-environment jsdom
 *
 * The pane's legacy-text notice over the Office.js host and the fake Excel: it appears when the
 * sheet holds TCVN3 text, asks before it changes the user's cells, converts them on "yes" and
 * leaves them on "no".
 */
import './jsdom-text-encoder';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { createExcelPlanHost } from '../../src/hosts/excel';
import { createFakeExcel } from '../../src/testing/fake-excel';
import type { Lang } from '../../src/engine/model';
import { tcvn3Appendix, unicodeAppendix } from '../engine/legacy/appendix-fixture';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';

/** The host reads and converts through the fake Excel: give a busy machine room (no timing is
 * asserted). */
const WAIT = { timeout: 20_000 };

function setup(lang: Lang = 'vi') {
  // Seeded by hand: jsdom has no structuredClone for toFakeSeed.
  const excel = createFakeExcel({ sheets: [{ name: 'PL', rows: tcvn3Appendix.rows.map((line) => line.slice()) }] });
  const host = createExcelPlanHost(excel.run, { isSetSupported: excel.isSetSupported });
  const user = userEvent.setup();
  render(<App host={host} initialLang={lang} today={() => '2025-07-01'} />);
  return { excel, user };
}

/** Click the notice's button once the pane is no longer busy with its first read (the notice
 * shows before the read ends, its button disabled until then), and wait for the dialog's button
 * `answer`. In jsdom, Fluent's modal marks its own surface aria-hidden a moment after opening
 * (focus never moves in), so the dialog is looked up with hidden elements included. */
async function openDialog(user: ReturnType<typeof userEvent.setup>, label: string, answer: string): Promise<{ dialog: HTMLElement; answerButton: HTMLElement }> {
  const notice = await screen.findByTestId('legacy-notice', {}, WAIT);
  const button = within(notice).getByRole('button', { name: label }) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false), WAIT);
  await user.click(button);
  const answerButton = await screen.findByRole('button', { name: answer, hidden: true }, WAIT);
  return { dialog: screen.getByRole('dialog', { hidden: true }), answerButton };
}

const legacyCount = tcvn3Appendix.rows.flat().filter((v, i) => typeof v === 'string' && v !== unicodeAppendix.rows.flat()[i]).length;

describe('legacy text notice', () => {
  it('says how many cells were TCVN3, asks before converting, converts on "yes", then is gone', async () => {
    const { excel, user } = setup();
    const notice = await screen.findByTestId('legacy-notice', {}, WAIT);
    expect(notice.textContent).toContain(`${legacyCount} ô của trang “PL” được gõ bằng bảng mã TCVN3 (ABC)`);
    const { dialog, answerButton } = await openDialog(user, 'Chuyển sang Unicode', 'Chuyển');
    expect(dialog.textContent).toContain(`Thao tác này sửa chính các ô của bạn: mọi ô chữ TCVN3 hay VNI trong sổ tính (${legacyCount} ô trên trang “PL”`);
    expect(dialog.textContent).toContain('Times New Roman');
    await user.click(answerButton);
    const done = `Đã chuyển ${legacyCount} ô sang Unicode (phông Times New Roman): trang “PL” ${legacyCount} ô.`;
    expect(await screen.findByText(done, { selector: '*:not([role=status])' }, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('legacy-notice')).toBeNull(), WAIT);
    expect(excel.dumpSheet('PL').cells.B4.value).toBe('Nội dung nhiệm vụ');
  });

  it('changes nothing when the user cancels', async () => {
    const { excel, user } = setup('en');
    await screen.findByTestId('legacy-notice', {}, WAIT);
    const before = excel.dump();
    const { dialog, answerButton } = await openDialog(user, 'Convert to Unicode', 'Cancel');
    expect(dialog.textContent).toContain('This changes your own cells');
    await user.click(answerButton);
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull(), WAIT);
    expect(excel.dump()).toEqual(before);
    expect(screen.getByTestId('legacy-notice')).toBeTruthy();
  });

  it('only informs on a host that cannot convert', async () => {
    const host = new MemoryHost((request) => {
      const outcome = sampleOutcome(request);
      return outcome.ok ? { ok: true, analysis: { ...outcome.analysis, legacyCells: [{ row: 3, col: 1, encoding: 'vni' }] } } : outcome;
    });
    render(<App host={host} initialLang="vi" today={() => '2024-05-15'} />);
    const notice = await screen.findByTestId('legacy-notice', {}, WAIT);
    expect(notice.textContent).toContain('bảng mã VNI');
    expect(within(notice).queryByRole('button')).toBeNull();
  });
});
