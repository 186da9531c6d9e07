/**
 * What the task pane's component tests share (one test file per view, so that jest can run them
 * side by side): the pane mounted over an in-memory PlanHost with "today" pinned, and a few
 * queries. Also how Fluent UI is run in jsdom here:
 * - Fluent's icons are loaded one at a time (icons-on-demand.ts): the same components, without
 *   compiling the whole icon library in every test file.
 * - Only the CSS rules that set a property something under test reads back are put in the
 *   document: display and visibility (role queries, user-event), pointer-events (user-event),
 *   position, overflow and transform (Fluent's focus manager). jsdom matches every rule of the
 *   document against an element on each getComputedStyle, which the role queries call for nearly
 *   every element; the colours, sizes and spacing that make up most of Fluent's rules change no
 *   answer in a document without layout.
 * - The little layout Fluent's focus manager needs to see what is shown (below), so that a dialog
 *   behaves as in a browser. */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import type { PaneChannel } from '../../src/taskpane/channel';
import type { RibbonActivity } from '../../src/taskpane/use-ribbon-busy';
import type { Lang } from '../../src/engine/model';
import type { SaveFile } from '../../src/taskpane/report/download';
import { MemoryHost } from './memory-host';
import { sampleOutcome } from './sample-plan';

jest.mock('@fluentui/react-icons', () => jest.requireActual<typeof import('./icons-on-demand')>('./icons-on-demand').iconsOnDemand());

export const TODAY = '2024-05-15';

// A test here takes one to three seconds alone; jest's default of five is too tight when the
// machine is shared (each is a full render of the pane in jsdom plus simulated typing).
jest.setTimeout(30_000);

/** A rule (or a media rule holding one) that declares one of the properties read back. */
const READ_BACK = /(?:^|[{;\s])(?:display|visibility|content-visibility|pointer-events|position|overflow(?:-x|-y)?|transform|all)\s*:/;

// One renderer for the file, as Fluent's default one: rules are inserted once, not per test.
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => READ_BACK.test(rule) });

// jsdom lays nothing out: every element's offsetParent is null and the body's box is empty. Fluent's
// focus manager (tabster) reads both to tell whether an element is shown, so in jsdom it takes
// every element for hidden: a dialog then focuses its own surface instead of its first button,
// before tabster has seen the dialog, which tabster then never makes the active modal and hides
// (aria-hidden) 250 ms later. What a browser gives instead: the body fills the window, and an
// element has an offsetParent unless it is fixed or not rendered (display: none up the tree).
function offsetParentOf(element: HTMLElement): Element | null {
  const doc = element.ownerDocument;
  if (!element.isConnected || element === doc.body || element === doc.documentElement) return null;
  const styleOf = (e: Element) => doc.defaultView!.getComputedStyle(e);
  if (styleOf(element).position === 'fixed') return null;
  let positioned: Element | null = null;
  for (let e: Element | null = element; e; e = e.parentElement) {
    const style = styleOf(e);
    if (style.display === 'none') return null;
    if (e !== element && !positioned && ((style.position && style.position !== 'static') || /^(?:TD|TH|TABLE)$/.test(e.tagName))) positioned = e;
  }
  return positioned ?? doc.body;
}
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return offsetParentOf(this);
  },
});
HTMLBodyElement.prototype.getBoundingClientRect = function () {
  return new DOMRect(0, 0, window.innerWidth, window.innerHeight);
};

// jsdom has no ResizeObserver (the chart's key of @fluentui/react-charts watches its width to
// fold what does not fit): a document without layout never changes size, so one that never
// calls back is what a browser would do here.
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function setup(options: { lang?: Lang; host?: MemoryHost; channel?: PaneChannel; ribbonActivity?: RibbonActivity; saveFile?: SaveFile } = {}) {
  const host = options.host ?? new MemoryHost(sampleOutcome);
  const onLangChange = jest.fn();
  const user = userEvent.setup();
  const view = render(
    <RendererProvider renderer={renderer}>
      <App host={host} initialLang={options.lang ?? 'vi'} onLangChange={onLangChange} channel={options.channel} today={() => TODAY} ribbonActivity={options.ribbonActivity} saveFile={options.saveFile} />
    </RendererProvider>,
  );
  return { host, user, onLangChange, ...view };
}

/** Waits for the first read of the sheet to be shown. */
export async function opened(): Promise<void> {
  await screen.findByTestId('recognised');
}

/** A button the user cannot use now: Fluent's disabledFocusable keeps it in the tab order and
 * marks it aria-disabled; a plain disabled one has the attribute. */
export function isDisabled(element: HTMLElement): boolean {
  return element.getAttribute('aria-disabled') === 'true' || element.hasAttribute('disabled');
}

/** The issue groups' codes, top to bottom. */
export function groupOrder(): string[] {
  return [...document.querySelectorAll('[data-testid^="group-"]')].map((e) => e.getAttribute('data-testid')!.replace('group-', ''));
}
