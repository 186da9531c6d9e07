/** Status and completion wording (validation.md, tracking columns). STUB: to be replaced. */
import type { CellValue, TaskStatus } from './model';

/** The drop-down's choices, in this order. */
export const STATUS_CHOICES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] as const;

/** null when empty; an unrecognised text counts as not started. */
export function parseStatus(value: CellValue): TaskStatus | null {
  if (value === null || String(value).trim() === '') return null;
  return 'not-started';
}

/** Every wording understood as done, for the conditional formats' formulas. */
export const DONE_WORDINGS: readonly string[] = ['Hoàn thành'];
