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
  // Gathered in one array kept for every task, then copied at their number: a list grown by
  // push from empty holds room for 17, and most tasks keep one or two issues for the whole run.
  const issues = scratch;
  issues.length = 0;

  if (!input.lead || input.lead.text === '') addIssue(issues, ctx, 'lead-missing', input.lead?.error ? { cellError: input.lead.error } : {});

  const d = input.deadline;
  if (d.kind === 'missing') addIssue(issues, ctx, 'deadline-missing', input.deadlineCell?.error ? { cellError: input.deadlineCell.error } : {});
  else if (d.kind === 'unparsed') addIssue(issues, ctx, 'deadline-unparsed', { deadlineText: d.text });
  else if (d.kind === 'event' || d.kind === 'reference') addIssue(issues, ctx, 'deadline-not-fixed', { deadlineText: d.text });
  if (d.due && yearOf(d.due) < ctx.planYear) addIssue(issues, ctx, 'deadline-before-plan', { due: d.due, deadlineText: d.text, planYear: ctx.planYear });

  if (input.outputKind === 'missing') addIssue(issues, ctx, 'output-missing', input.output?.error ? { cellError: input.output.error } : {});
  else if (input.outputKind === 'vague' && !input.objectiveMeasurable) addIssue(issues, ctx, 'output-unquantified', {});

  const done = input.status === 'done';
  if (!done && d.due) {
    const daysLeft = daysBetween(ctx.asOf, d.due);
    if (daysLeft < 0) {
      addIssue(issues, ctx, 'overdue', { due: d.due, daysLate: -daysLeft });
    } else {
      const notStarted = input.status === null || input.status === 'not-started';
      const last = notStarted ? lastMissedStep(d.steps, ctx.asOf) : undefined;
      if (last) {
        addIssue(issues, ctx, 'milestone-missed', { due: last.due, stepText: last.text, daysLate: daysBetween(last.due, ctx.asOf) });
      }
      if (daysLeft <= ctx.dueSoonDays) addIssue(issues, ctx, 'due-soon', { due: d.due, daysLeft });
    }
  }
  return issues.slice();
}

const scratch: Issue[] = [];

/** The last of the steps (in the deadline's order) due before the as-of day. */
function lastMissedStep(steps: Deadline['steps'], asOf: ISODate): Deadline['steps'][number] | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].due < asOf) return steps[i];
  return undefined;
}

/** A module function, not a closure per task: this runs for every task of the plan. */
function addIssue(issues: Issue[], ctx: RuleContext, code: IssueCode, params: IssueParams): void {
  issues.push(ctx.messages.issue(code, SEVERITY[code], params));
}
