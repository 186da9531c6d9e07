/**
 * @jest-environment jsdom
 *
 * The support-information section of the pane: closed at first (nothing read), gathered when
 * opened, copied as text in the pane's language; strings Vietnamese first, English second.
 */
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DIAGNOSTICS_STRINGS, Diagnostics } from '../../src/taskpane/Diagnostics';
import type { SupportInfo } from '../../src/hosts/excel/diagnostics';

const INFO: SupportInfo = {
  addinVersion: '0.1.0.0',
  office: { host: 'Excel', platform: 'PC', version: '16.0.17928.20114' },
  excelApi: '1.17',
  otherSets: [{ name: 'SharedRuntime', version: '1.1', supported: true }],
  sheet: { name: 'Phụ lục', usedRange: 'A1:N767', rows: 767, columns: 14, mergedAreas: 513 },
  sheetError: null,
  lastError: { at: '2024-05-15T08:00:00.000Z', code: 'InvalidOperation', message: 'cell-edit mode', debugInfo: '{"code":"InvalidOperation"}' },
  userAgent: 'Mozilla/5.0',
  collectedAt: '2024-05-15T08:30:00.000Z',
};

function setup(lang: 'vi' | 'en', collect = jest.fn(async () => INFO)) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Diagnostics lang={lang} collect={collect} />
    </FluentProvider>,
  );
  return { user, collect };
}

describe('support information', () => {
  it('reads nothing until opened, then lists the facts and copies them', async () => {
    const { user, collect } = setup('vi');
    expect(screen.getByRole('heading', { name: 'Thông tin hỗ trợ' })).toBeTruthy();
    expect(collect).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Xem thông tin hỗ trợ' }));
    const list = await screen.findByTestId('diagnostics-list');
    expect(collect).toHaveBeenCalledTimes(1);
    expect(list.textContent).toContain('Phụ lục — A1:N767 (767 dòng × 14 cột), 513 vùng gộp');
    expect(list.textContent).toContain('InvalidOperation: cell-edit mode');
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    await screen.findByText('Đã sao chép vào bộ nhớ tạm.');
    expect(writeText.mock.calls[0][0].split('\n')[0]).toBe('Thông tin hỗ trợ — Kiểm tra kế hoạch CCHC');
    expect(writeText.mock.calls[0][0]).toContain('debugInfo: {"code":"InvalidOperation"}');
  });

  it('says so when the information cannot be gathered, in English too', async () => {
    const { user } = setup('en', jest.fn(async () => Promise.reject(new Error('no Excel'))));
    await user.click(screen.getByRole('button', { name: 'Show support information' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The support information could not be collected: no Excel'));
    // Disabled, yet still reached with Tab so that a screen reader finds it.
    const copy = screen.getByRole('button', { name: 'Copy' });
    expect(copy.getAttribute('aria-disabled')).toBe('true');
    expect(copy.hasAttribute('disabled')).toBe(false);
  });

  it('has every string in both languages, in NFC, and different', () => {
    const keys = Object.keys(DIAGNOSTICS_STRINGS.vi);
    expect(Object.keys(DIAGNOSTICS_STRINGS.en)).toEqual(keys);
    for (const k of keys as (keyof typeof DIAGNOSTICS_STRINGS.vi)[]) {
      for (const s of [DIAGNOSTICS_STRINGS.vi[k], DIAGNOSTICS_STRINGS.en[k]]) expect(s).toBe(s.normalize('NFC'));
      expect(DIAGNOSTICS_STRINGS.vi[k]).not.toBe(DIAGNOSTICS_STRINGS.en[k]);
    }
  });
});
