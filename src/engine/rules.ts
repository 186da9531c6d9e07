/**
 * The row rules of validation.md. Each task gets its issues; codes and severities are stable
 * (issues.ts), the words come from the caller's wording.
 */
import { daysBetween, yearOf } from './dates';
import { DATA_ISSUE_CODES, SEVERITY, type IssueCode } from './issues';
import type { Deadline, ISODate, Issue, IssueParams, OutputKind, ResolvedCell, TaskStatus } from './model';
import type { IssueMessages } from './issue-messages';

export interface RuleInput {
  lead: ResolvedCell | undefined;
  deadline: Deadline;
  deadlineCell: ResolvedCell | undefined;
  output: ResolvedCell | undefined;
  outputKind: OutputKind;
  objectiveMeasurable: boolean;
  status: TaskStatus | null;
}

export interface RuleContext {
  asOf: ISODate;
  planYear: number;
  dueSoonDays: number;
  /** The analysis's messages, in its language. */
  messages: IssueMessages;
}

/** Issues that hold whatever the date: what the "Kiểm tra" column shows. */
export const STATIC_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(DATA_ISSUE_CODES);

export function checkTask(input: RuleInput, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const add = (code: IssueCode, params: IssueParams = {}) =>
    issues.push({ code, severity: SEVERITY[code], message: ctx.messages.message(code, params), params });

  if (!input.lead || input.lead.text === '') add('lead-missing', input.lead?.error ? { cellError: input.lead.error } : {});

  const d = input.deadline;
  if (d.kind === 'missing') add('deadline-missing', input.deadlineCell?.error ? { cellError: input.deadlineCell.error } : {});
  else if (d.kind === 'unparsed') add('deadline-unparsed', { deadlineText: d.text });
  else if (d.kind === 'event' || d.kind === 'reference') add('deadline-not-fixed', { deadlineText: d.text });
  if (d.due && yearOf(d.due) < ctx.planYear) add('deadline-before-plan', { due: d.due, deadlineText: d.text, planYear: ctx.planYear });

  if (input.outputKind === 'missing') add('output-missing', input.output?.error ? { cellError: input.output.error } : {});
  else if (input.outputKind === 'vague' && !input.objectiveMeasurable) add('output-unquantified');

  const done = input.status === 'done';
  if (!done && d.due) {
    const daysLeft = daysBetween(ctx.asOf, d.due);
    if (daysLeft < 0) {
      add('overdue', { due: d.due, daysLate: -daysLeft });
    } else {
      const notStarted = input.status === null || input.status === 'not-started';
      const missed = notStarted ? d.steps.filter((s) => s.due < ctx.asOf) : [];
      if (missed.length) {
        const last = missed[missed.length - 1];
        add('milestone-missed', { due: last.due, stepText: last.text, daysLate: daysBetween(last.due, ctx.asOf) });
      }
      if (daysLeft <= ctx.dueSoonDays) add('due-soon', { due: d.due, daysLeft });
    }
  }
  return issues;
}
