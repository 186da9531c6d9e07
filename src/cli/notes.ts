/**
 * Notes the command line adds under a file's result (one sentence each, Vietnamese first).
 * Kept apart from messages.ts, whose failures are worded by another part of the work.
 */
import type { Lang } from '../engine/model';

/** Stored column corrections that were not applied because their column's header changed. */
export function correctionsDropped(file: string, dropped: readonly { column: string; header: string }[], lang: Lang): string {
  const list = dropped.map((d) => (d.header ? `${d.column} (“${d.header}”)` : d.column)).join(', ');
  return lang === 'en'
    ? `Note: the column corrections stored in “${file}” for ${list} were not used: the header there has changed since they were made (a column inserted or moved); set the roles again if needed.`
    : `Lưu ý: điều chỉnh vai trò cột lưu trong “${file}” cho cột ${list} không được dùng vì tiêu đề cột đó đã thay đổi từ khi điều chỉnh (có cột được chèn hoặc di chuyển); hãy điều chỉnh lại nếu cần.`;
}
