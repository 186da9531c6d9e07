/** The roles a column of the appendix can play (docs/domain.md). Its own file: the settings
 * (which store corrections by role) and the model both need it. */

/** Column roles of domain.md, plus the two tracking columns the add-in writes (dueDate =
 * "Hạn chót", check = "Kiểm tra"). `deadline` is the end of the work; `start` its beginning,
 * when the plan gives the two in separate columns ("Bắt đầu" / "Hoàn thành"). */
export type ColumnRole =
  | 'stt'
  | 'objective'
  | 'task'
  | 'activity'
  | 'output'
  | 'lead'
  | 'support'
  | 'deadline'
  | 'start'
  | 'budget'
  | 'monitor'
  | 'note'
  | 'status'
  | 'doneDate'
  | 'result'
  | 'dueDate'
  | 'check';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'stt', 'objective', 'task', 'activity', 'output', 'lead', 'support', 'deadline', 'start', 'budget',
  'monitor', 'note', 'status', 'doneDate', 'result', 'dueDate', 'check',
];
