/**
 * The sheet's conditional formats: the tool's own rules (those whose formula holds the change
 * set's tag) are replaced; every other rule — any type, including those in the Excel 2010
 * extension list (x14) — keeps its XML as written. Ours take priorities 1…n, as apply.ts
 * gives them; a user's rule has its priority moved only when it would collide, and then every
 * user rule moves by the same amount, so their order is kept.
 */
import type { ConditionalFormatRule } from '../../../engine/model';
import type { StyleBook } from './styles';
import { attr, childElements, escapeText, parseStartTag, renderStartTag, setAttr, tagEnd, unescapeXml, type ElementSpan } from './xml';
import { insertionOffset, sqrefArea } from './worksheet-parts';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

interface RuleText {
  /** Offset of the <cfRule start tag in the scanned text, and of its end. */
  start: number;
  tagEnd: number;
  priority: number | null;
}

function formulasOf(xml: string, rule: ElementSpan): string[] {
  if (rule.contentEnd <= rule.contentStart) return [];
  return childElements(xml, rule.contentStart, rule.contentEnd)
    .filter((c) => c.local === 'formula')
    .map((c) => unescapeXml(xml.slice(c.contentStart, c.contentEnd)));
}

/** Every cfRule start tag inside an extension list (x14:cfRule and the like). */
function extensionRules(xml: string, el: ElementSpan): RuleText[] {
  const found: RuleText[] = [];
  const re = /<([\w.-]+:)?cfRule[\s/>]/g;
  re.lastIndex = el.contentStart;
  for (let m = re.exec(xml); m && m.index < el.contentEnd; m = re.exec(xml)) {
    const end = tagEnd(xml, m.index);
    const priority = attr(parseStartTag(xml.slice(m.index, end + 1)), 'priority');
    found.push({ start: m.index, tagEnd: end + 1, priority: priority === undefined ? null : Number(priority) });
  }
  return found;
}

function withPriority(xml: string, rule: RuleText, offset: number): string {
  const tag = parseStartTag(xml.slice(rule.start, rule.tagEnd));
  if (rule.priority !== null) setAttr(tag, 'priority', String(rule.priority + offset));
  return renderStartTag(tag);
}

function ourRules(prefix: string, rules: ConditionalFormatRule[], styles: StyleBook): string {
  return rules
    .map((rule, i) => {
      const dxf = styles.highlight(rule.fill, rule.fontColor);
      const stop = rule.stopIfTrue ? ' stopIfTrue="1"' : '';
      const formula = escapeText(rule.formula.replace(/^=/, '').normalize('NFC'));
      return (
        `<${prefix}conditionalFormatting sqref="${sqrefArea(rule.range)}">` +
        `<${prefix}cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"${stop}><${prefix}formula>${formula}</${prefix}formula></${prefix}cfRule>` +
        `</${prefix}conditionalFormatting>`
      );
    })
    .join('');
}

interface Block {
  el: ElementSpan;
  kept: { span: ElementSpan; rule: RuleText }[];
  dropped: number;
}

/**
 * The edits that put our rules in place of our old ones in the worksheet text `xml` whose
 * top-level elements are `children`; `start` is where a first element may go.
 */
export function conditionalFormatEdits(
  xml: string,
  children: ElementSpan[],
  start: number,
  prefix: string,
  change: { tag: string; rules: ConditionalFormatRule[] },
  styles: StyleBook,
): TextEdit[] {
  const blocks: Block[] = children
    .filter((c) => c.local === 'conditionalFormatting')
    .map((el) => {
      const rules = childElements(xml, el.contentStart, el.contentEnd).filter((r) => r.local === 'cfRule');
      const ours = (r: ElementSpan) => change.tag !== '' && formulasOf(xml, r).some((f) => f.includes(change.tag));
      const kept = rules.filter((r) => !ours(r)).map((span) => {
        const priority = attr(parseStartTag(xml.slice(span.start, span.contentStart)), 'priority');
        return { span, rule: { start: span.start, tagEnd: span.contentStart, priority: priority === undefined ? null : Number(priority) } };
      });
      return { el, kept, dropped: rules.length - kept.length };
    });
  const ext = children.find((c) => c.local === 'extLst');
  const extRules = ext ? extensionRules(xml, ext) : [];
  const userPriorities = [...blocks.flatMap((b) => b.kept.map((k) => k.rule.priority)), ...extRules.map((r) => r.priority)].filter((p): p is number => p !== null);
  const n = change.rules.length;
  const lowest = userPriorities.reduce((a, b) => Math.min(a, b), Infinity);
  const offset = n > 0 && lowest <= n ? n + 1 - lowest : 0;

  const edits: TextEdit[] = [];
  blocks.forEach((b) => {
    if (b.dropped === 0 && offset === 0) return;
    if (b.kept.length === 0) {
      edits.push({ start: b.el.start, end: b.el.end, text: '' });
      return;
    }
    let text = xml.slice(b.el.start, b.el.contentStart);
    let at = b.el.contentStart;
    const keptStarts = new Set(b.kept.map((k) => k.span.start));
    for (const r of childElements(xml, b.el.contentStart, b.el.contentEnd)) {
      if (r.local === 'cfRule' && !keptStarts.has(r.start)) {
        text += xml.slice(at, r.start);
        at = r.end;
        continue;
      }
      const k = b.kept.find((x) => x.span.start === r.start);
      if (!k) continue;
      text += xml.slice(at, r.start) + withPriority(xml, k.rule, offset);
      at = r.contentStart;
    }
    text += xml.slice(at, b.el.end);
    edits.push({ start: b.el.start, end: b.el.end, text });
  });
  if (offset !== 0) for (const r of extRules) edits.push({ start: r.start, end: r.tagEnd, text: withPriority(xml, r, offset) });

  const added = ourRules(prefix, change.rules, styles);
  if (added !== '') {
    const first = blocks[0];
    if (first) {
      const existing = edits.find((e) => e.start === first.el.start);
      if (existing) existing.text = added + existing.text;
      else edits.push({ start: first.el.start, end: first.el.start, text: added });
    } else {
      const at = insertionOffset(children, 'conditionalFormatting', start);
      edits.push({ start: at, end: at, text: added });
    }
  }
  return edits;
}
