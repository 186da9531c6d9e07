/**
 * Registers the ribbon's ExecuteFunction commands (manifest.xml FunctionName values) with Office.
 * Loaded by taskpane.html, the shared runtime's page, so the commands and the pane share the
 * workbook lock and the pane channel.
 */
import { todayISO } from '../engine/dates';
import { paneChannel } from '../taskpane/channel';
import { preferredLang } from '../taskpane/lang';
import { commandPlanHost } from '../taskpane/runtime';
import { createCommandHandlers } from './handlers';
import { showNotice } from './notice';

const handlers = createCommandHandlers({
  host: commandPlanHost,
  channel: paneChannel,
  lang: () => preferredLang(),
  today: () => todayISO(),
  showPane: () => Office.addin.showAsTaskpane(),
  notify: showNotice,
});

/**
 * Office.actions.associate as soon as the bundle loads, and again once Office is ready: with the
 * functions in the task pane's page (shared runtime), a click can arrive before Office.onReady
 * resolves, and a function registered only there misses it (office-js #5176). Associating the
 * same name again replaces the handler, so twice is harmless.
 */
export function associateCommands(): void {
  if (typeof Office === 'undefined' || !Office.actions) return;
  Office.actions.associate('validatePlan', (event: Office.AddinCommands.Event) => void handlers.validatePlan(event));
  Office.actions.associate('openReport', (event: Office.AddinCommands.Event) => void handlers.openReport(event));
}

associateCommands();
if (typeof Office !== 'undefined') void Office.onReady(associateCommands);
