/**
 * Registers the ribbon's ExecuteFunction commands (manifest.xml FunctionName values) with Office.
 * Loaded by taskpane.html, the shared runtime's page, so the commands and the pane share the
 * workbook host and the pane channel.
 */
import { todayISO } from '../engine/dates';
import { paneChannel } from '../taskpane/channel';
import { preferredLang } from '../taskpane/lang';
import { excelPlanHost } from '../taskpane/runtime';
import { createCommandHandlers } from './handlers';
import { showNotice } from './notice';

const handlers = createCommandHandlers({
  host: excelPlanHost,
  channel: paneChannel,
  lang: () => preferredLang(),
  today: () => todayISO(),
  showPane: () => Office.addin.showAsTaskpane(),
  notify: showNotice,
});

void Office.onReady(() => {
  Office.actions.associate('validatePlan', (event: Office.AddinCommands.Event) => void handlers.validatePlan(event));
  Office.actions.associate('openReport', (event: Office.AddinCommands.Event) => void handlers.openReport(event));
});
