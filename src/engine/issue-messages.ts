/**
 * The messages of one analysis's issues, each distinct one worded once. A plan repeats its
 * deadline texts and due dates on thousands of rows ("Thường xuyên", "Quý I/2024"), and wording
 * a message (quoting and normalising the cell's text, formatting dates) costs more than looking
 * it up. The wording's sentences are pure (the same params give the same words), so a message
 * is fully named by its code and params — and so is the issue itself (issue()). One memo per
 * analysis and language: it holds at most one entry per distinct message of the plan and is
 * dropped with the analysis. Messages are strings: sharing them is safe.
 */
import { ISSUE_CATALOGUE, type IssueCode } from './issues';
import type { Issue, IssueParams, Severity } from './model';
import type { EngineWording } from './wording';

export class IssueMessages {
  private readonly memo = new Map<string, string>();
  private readonly issues = new Map<string, Issue>();

  constructor(private readonly wording: EngineWording) {}

  message(code: IssueCode, params: IssueParams): string {
    const key = messageKey(code, params);
    let message = this.memo.get(key);
    if (message === undefined) {
      message = this.wording.issues[ISSUE_CATALOGUE[code].messageKey](params);
      this.memo.set(key, message);
    }
    return message;
  }

  /**
   * The issue of `code` with `params`, one object for every task that has it ("Thiếu sản phẩm"
   * on thousands of rows, "overdue" with the same due day): an issue is its code, its severity
   * (the code's), its params and their message, so the key names it whole. Issues are never
   * mutated once made, as the rows' resolved cells. Fewer objects kept for the whole run is
   * less for the garbage collector to copy; printers that keep an object's text by identity
   * make it once.
   */
  issue(code: IssueCode, severity: Severity, params: IssueParams): Issue {
    const key = messageKey(code, params);
    let issue = this.issues.get(key);
    if (issue === undefined) {
      issue = { code, severity, message: this.message(code, params), params };
      this.issues.set(key, issue);
    }
    return issue;
  }
}

/**
 * Everything a message is worded from: the code and every field of IssueParams (a field added
 * there must be added here). Only the fields present are written, each with its own letter;
 * texts carry their length, so no text can pass for another field; null and a value differ.
 */
export function messageKey(code: IssueCode, p: IssueParams): string {
  let key: string = code;
  if (p.due !== undefined) key += p.due === null ? '|d-' : `|d${p.due}`;
  if (p.daysLate !== undefined) key += `|l${p.daysLate}`;
  if (p.daysLeft !== undefined) key += `|s${p.daysLeft}`;
  if (p.deadlineText !== undefined) key += `|t${p.deadlineText.length}:${p.deadlineText}`;
  if (p.cellError !== undefined) key += `|e${p.cellError.length}:${p.cellError}`;
  if (p.stepText !== undefined) key += `|m${p.stepText.length}:${p.stepText}`;
  if (p.planYear !== undefined) key += `|y${p.planYear}`;
  return key;
}
