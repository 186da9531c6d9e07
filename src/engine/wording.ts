/**
 * The words the engine needs but does not own: an issue's message (the JSON output and the
 * "Kiểm tra" column show it) and the sentence of a failure. The engine names what to say, by the
 * catalogue's keys and facts; the caller passes the sentences of one language (src/i18n builds
 * them), so the engine itself holds no language.
 */
import type { FailureFacts, FailureReason, IssueMessageKey } from './issues';
import type { IssueParams, Lang } from './model';

export interface EngineWording {
  /** The language of every sentence below; the analysis reports it as its own. */
  lang: Lang;
  /** One sentence per message key, NFC, short enough for a cell. */
  issues: Readonly<Record<IssueMessageKey, (params: IssueParams) => string>>;
  failures: { readonly [K in FailureReason]: (facts: FailureFacts[K]) => string };
}
