/**
 * Task classes as of a date D (report.md): every task in exactly one class.
 */
import { daysBetween } from '../engine/dates';
import type { ISODate, TaskRow, TaskStatus } from '../engine/model';

export type TaskClass = 'doneOnTime' | 'doneLate' | 'overdue' | 'inProgress' | 'notDue' | 'notFixed';

/** Sheet and JSON order. */
export const TASK_CLASSES: readonly TaskClass[] = ['doneOnTime', 'doneLate', 'inProgress', 'overdue', 'notDue', 'notFixed'];

export interface Classification {
  cls: TaskClass;
  /** The status as it stood on D: a task finished after D was still under way on D. */
  statusAsOf: TaskStatus;
  /** Days between due and D for overdue tasks (D − due > 0), else null. */
  daysLate: number | null;
}

/** Only these kinds carry a calendar due date a task can be judged against. */
const FIXED_KINDS = new Set(['date', 'recurring', 'milestones']);

export function classifyTask(task: Pick<TaskRow, 'deadline' | 'status' | 'doneDate'>, asOf: ISODate): Classification {
  const due = FIXED_KINDS.has(task.deadline.kind) ? task.deadline.due : null;
  const doneAsOf = task.status === 'done' && (task.doneDate === null || task.doneDate <= asOf);
  if (doneAsOf) {
    // No done-date, or no due to compare with, gives the benefit of the doubt (report.md).
    const late = due !== null && task.doneDate !== null && task.doneDate > due;
    return { cls: late ? 'doneLate' : 'doneOnTime', statusAsOf: 'done', daysLate: null };
  }
  // Done after D: the work was under way on D. A blank or unrecognised status is "not started".
  const statusAsOf: TaskStatus = task.status === 'done' || task.status === 'in-progress' ? 'in-progress' : 'not-started';
  if (due === null) return { cls: 'notFixed', statusAsOf, daysLate: null };
  if (due < asOf) return { cls: 'overdue', statusAsOf, daysLate: daysBetween(due, asOf) };
  return { cls: statusAsOf === 'in-progress' ? 'inProgress' : 'notDue', statusAsOf, daysLate: null };
}

export interface ClassCounts {
  total: number;
  doneOnTime: number;
  doneLate: number;
  done: number;
  inProgress: number;
  overdue: number;
  notDue: number;
  notFixed: number;
}

export function emptyCounts(): ClassCounts {
  return { total: 0, doneOnTime: 0, doneLate: 0, done: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0 };
}

export function addToCounts(counts: ClassCounts, cls: TaskClass): void {
  counts.total += 1;
  counts[cls] += 1;
  if (cls === 'doneOnTime' || cls === 'doneLate') counts.done += 1;
}

/** Completion rate 0..1, or null for an empty group (the sheet leaves the cell blank). */
export function completionRate(counts: ClassCounts): number | null {
  return counts.total === 0 ? null : counts.done / counts.total;
}
