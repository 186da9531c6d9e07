/**
 * @jest-environment jsdom
 *
 * The pane for keyboard and screen-reader users, and in Excel's dark theme: every control has a
 * name, the tab list is labelled, one live region speaks, the highlight colours are said in
 * words, a button that waits stays focused and in the tab order. (The browser e2e runs axe-core
 * over every view and drives a whole run from the keyboard: test/e2e/taskpane-a11y.e2e.test.ts.)
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { App } from '../../src/taskpane/App';
import { isDarkOfficeTheme, luminance } from '../../src/taskpane/theme';
import { HIGHLIGHT } from '../../src/engine/tracking';
import { MemoryHost, gate } from './memory-host';
import { sampleOutcome } from './sample-plan';
import { TODAY, opened, setup } from './taskpane-helpers';

const ROLES = ['button', 'combobox', 'textbox', 'spinbutton', 'tab', 'checkbox', 'listbox'] as const;

/** Controls without an accessible name, as "role: html". */
function unnamed(): string[] {
  return ROLES.flatMap((role) => screen.queryAllByRole(role, { name: '' }).map((e) => `${role}: ${e.outerHTML.slice(0, 120)}`));
}

describe('names for screen readers', () => {
  it('every control of the check view and the report view has a name; the tab list too', async () => {
    const { user } = setup();
    await opened();
    expect(unnamed()).toEqual([]);
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Các phần của ngăn tác vụ');
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    expect(unnamed()).toEqual([]);
  });

  it('one polite live region speaks for the pane', async () => {
    setup();
    await opened();
    const live = screen.getAllByRole('status');
    expect(live).toHaveLength(1);
    expect(live[0].getAttribute('aria-live')).toBe('polite');
    expect(live[0].getAttribute('aria-atomic')).toBe('true');
  });
});

describe('the highlight colours in words', () => {
  it.each([
    ['vi', ['quá hạn mà chưa hoàn thành', 'cột “Kiểm tra”', 'đã hoàn thành'], 'Màu tô trên trang tính'],
    ['en', ['overdue and not done', '“Check” column', 'done'], 'Highlight colours on the sheet'],
  ] as const)('%s: each colour has its sentence; the swatches are decoration', async (lang, words, title) => {
    setup({ lang });
    await opened();
    const legend = screen.getByRole('region', { name: title });
    const items = within(legend).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    items.forEach((item, i) => {
      expect(item.textContent).toContain(words[i]);
      const swatch = item.querySelector('[data-kind]') as HTMLElement;
      expect(swatch.getAttribute('aria-hidden')).toBe('true');
      const kind = swatch.getAttribute('data-kind') as keyof typeof HIGHLIGHT;
      // The swatch is the colour Excel paints: the sentence and the sheet agree.
      expect(swatch.style.backgroundColor).toBe(hexToRgb(HIGHLIGHT[kind].fill));
    });
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('keyboard', () => {
  it('the check button keeps the focus while the check runs, stays in the tab order and says it is unavailable', async () => {
    const host = new MemoryHost(sampleOutcome);
    const { user } = setup({ host });
    await opened();
    const held = gate();
    host.holds.check = held;
    const button = screen.getByRole('button', { name: 'Kiểm tra và tô màu' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(button);
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.tabIndex).toBe(0);
    // Enter again does nothing while it waits.
    await user.keyboard('{Enter}');
    expect(host.callsOf('check')).toHaveLength(1);
    await act(async () => held.open());
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('the replace question takes the focus and, answered with Escape, gives it back to the build button', async () => {
    const host = new MemoryHost(sampleOutcome);
    host.reportOutcome = async (request) =>
      (await request.confirmReplace('BC 6 tháng-2024')) ? { ok: true, sheetName: 'BC 6 tháng-2024', replaced: true } : { ok: false, cancelled: true, message: 'cancelled' };
    const { user } = setup({ host });
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Báo cáo quý' }));
    const build = screen.getByRole('button', { name: 'Tạo báo cáo' });
    build.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Thay thế' })));
    await user.keyboard('{Escape}');
    expect(await screen.findByText('Đã huỷ, không có gì thay đổi.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(build));
  });
});

describe("Excel's dark theme", () => {
  it('is read from Office.context.officeTheme: isDarkTheme when the client has it, else the body colour', () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: '#262626' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true); // Black theme
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#444444' })).toBe(true); // Dark Gray theme's pane
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false); // Colorful
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'white' })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('000000')).toBe(0);
  });

  it.each([
    [true, webDarkTheme, 'dark'],
    [false, webLightTheme, 'light'],
  ] as const)('dark=%s: the pane uses Fluent’s matching web theme and colour scheme', async (dark, theme, scheme) => {
    render(<App host={new MemoryHost(sampleOutcome)} initialLang="vi" today={() => TODAY} dark={dark} />);
    await opened();
    expect(document.documentElement.style.colorScheme).toBe(scheme);
    // Fluent puts the theme's tokens on the provider as CSS variables (inserted rules, not text).
    const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(css).toContain(`--colorNeutralBackground1: ${theme.colorNeutralBackground1};`);
    expect(css).toContain(`--colorNeutralForeground1: ${theme.colorNeutralForeground1};`);
  });
});
