var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// ../../../tmp/readfast/mb21646.ts
var import_fs = __toESM(require("fs"));

// src/hosts/xlsx/zip/archive.ts
var EOCD_MIN = 22;
var EOCD_SEARCH = EOCD_MIN + 65535;

// src/hosts/xlsx/stream/xml.ts
var DEFAULT_MAX_TOKEN = 16 * 1024 * 1024;
var NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeXml(raw) {
  if (raw.indexOf("&") === -1) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

// src/hosts/xlsx/stream/feed.ts
var MAX_RUN = 64 * 1024;
var decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function utf8(b, from, to) {
  return decoder.decode(b.subarray(from, to));
}

// src/hosts/xlsx/stream/parts.ts
var MiB = 1024 * 1024;
var DEFAULT_LIMITS = { sheet: 1024 * MiB, sharedStrings: 256 * MiB, other: 64 * MiB };
var CHUNK = 256 * 1024;

// src/hosts/xlsx/stream/workbook.ts
var WorkbookFormatError = class extends Error {
  constructor(code, message, limit) {
    super(message);
    this.code = code;
    this.limit = limit;
    this.name = "WorkbookFormatError";
  }
  code;
  limit;
};

// src/hosts/xlsx/stream/rows.ts
var MAX_ROWS = 1048576;
var MAX_COLS = 16384;
var SheetRows = class {
  constructor(options) {
    this.options = options;
  }
  options;
  values = [];
  hiddenRows = /* @__PURE__ */ new Set();
  /** Heights in points of rows the user sized (<row ht customHeight="1">). */
  rowHeights = {};
  /** Past `lastRow`: nothing more is stored, and the caller stops inflating. */
  stopped = false;
  /** The current row (0-based), -1 before the first. */
  row = -1;
  /** The column (0-based) of the row's last cell, -1 before its first. */
  col = -1;
  maxRow = -1;
  line;
  cells = 0;
  /**
   * A <row>: `number` is its r attribute (1-based; NaN or below 1 when absent or unreadable: the
   * row after the one before, which exceljs cannot read at all); `height` is its ht when the
   * user sized it (customHeight), else undefined.
   */
  openRow(number, hidden, height) {
    this.row = number >= 1 ? number - 1 : this.row + 1;
    this.col = -1;
    this.line = void 0;
    if (this.options.lastRow !== void 0 && this.row > this.options.lastRow) {
      this.stopped = true;
      return;
    }
    if (this.row >= MAX_ROWS) return;
    if (this.row <= this.maxRow) {
      this.values[this.row] = void 0;
      this.hiddenRows.delete(this.row);
    }
    this.maxRow = Math.max(this.maxRow, this.row);
    if (hidden) this.hiddenRows.add(this.row);
    if (height !== void 0 && height >= 0) this.rowHeights[this.row] = height;
  }
  closeRow() {
    if (this.line && this.row < MAX_ROWS) this.values[this.row] = this.line;
    this.line = void 0;
  }
  /** A <c>: `col` is its reference's column, or -1 without one (the cell after the previous). */
  openCell(col) {
    this.col = col >= 0 ? col : this.col + 1;
  }
  /** Whether the current cell's value would be kept (worth working out). */
  get storing() {
    return this.col < MAX_COLS && !this.stopped;
  }
  /** The current cell's value (null: none, nothing is stored). */
  store(value) {
    if (value === null || !this.storing) return;
    this.count();
    (this.line ??= [])[this.col] = value;
  }
  /** One more cell, merge or validated range against the sheet's budget. */
  count() {
    if (++this.cells > this.options.maxCells) {
      const max = this.options.maxCells;
      throw new WorkbookFormatError("too-many-cells", `more than ${max} cells with values or merges in one sheet`, max);
    }
  }
};

// ../../main/node_modules/@date-fns/utc/date/mini.js
var UTCDateMini = class extends Date {
  constructor() {
    super();
    this.setTime(arguments.length === 0 ? (
      // Enables Sinon's fake timers that override the constructor
      Date.now()
    ) : arguments.length === 1 ? typeof arguments[0] === "string" ? +new Date(arguments[0]) : arguments[0] : Date.UTC(...arguments));
  }
  getTimezoneOffset() {
    return 0;
  }
};
var re = /^(get|set)(?!UTC)/;
Object.getOwnPropertyNames(Date.prototype).forEach((method) => {
  if (re.test(method)) {
    const utcMethod = Date.prototype[method.replace(re, "$1UTC")];
    if (utcMethod) UTCDateMini.prototype[method] = utcMethod;
  }
});

// ../../main/node_modules/@date-fns/utc/date/index.js
var weekdayFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  timeZone: "UTC"
});
var dateFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC"
});
var timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour12: false,
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  timeZone: "UTC"
});

// src/engine/dates.ts
function utcDay(iso) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}
var EPOCH_1900 = Date.UTC(1899, 11, 30);
var EPOCH_1904 = Date.UTC(1904, 0, 1);
var MS_PER_DAY = 864e5;
function isoToSerial(iso, date1904 = false) {
  const t = utcDay(iso) * MS_PER_DAY;
  if (date1904) return Math.round((t - EPOCH_1904) / MS_PER_DAY);
  const serial = Math.round((t - EPOCH_1900) / MS_PER_DAY);
  return serial <= 60 ? serial - 1 : serial;
}

// src/hosts/xlsx/cell-value.ts
var MS_PER_DAY2 = 864e5;
var UNIX_EPOCH_SERIAL = 25569;
var OFFSET_1904 = 1462;
function dateToSerial(date, date1904) {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = ms / MS_PER_DAY2 + UNIX_EPOCH_SERIAL - (date1904 ? OFFSET_1904 : 0);
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-7 ? whole : serial;
}

// src/hosts/xlsx/stream/cells.ts
function exceljsDateSerial(v, date1904) {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1e3);
  return dateToSerial(new Date(ms), date1904);
}
var ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
function isoDateSerial(text, date1904) {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const day = isoToSerial(m[1], date1904);
  if (!Number.isFinite(day)) return null;
  const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return seconds === 0 ? day : day + seconds / 86400;
}
function storedValue(type, style, text, inline, ctx) {
  if (inline !== void 0 && (type === "inlineStr" || text === null)) return inline;
  if (text === null) return null;
  switch (type) {
    case "s":
      return ctx.sharedStrings[parseInt(text, 10)] ?? null;
    case "str":
    case "inlineStr":
      return text.normalize("NFC");
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return text;
    case "d":
      return isoDateSerial(text, ctx.date1904) ?? text.normalize("NFC");
    default:
      return numberValue(parseFloat(text), style, ctx);
  }
}
function numberValue(n2, style, ctx) {
  return style && ctx.dateStyles[style] ? exceljsDateSerial(n2, ctx.date1904) : n2;
}

// src/hosts/xlsx/stream/strings.ts
function unescapeOoxml(s) {
  if (s.indexOf("_x") === -1) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_whole, hex) => String.fromCharCode(parseInt(hex, 16)));
}

// src/hosts/xlsx/stream/sheet-data.ts
var LT = 60;
var GT = 62;
var SLASH = 47;
var EQUALS = 61;
var QUOTE = 34;
var APOS = 39;
var AMP = 38;
var TAG_END = -1;
var LEAVE = -2;
function at(b, i) {
  return i < b.length ? b[i] : -1;
}
function isSpace(ch) {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}
function isNameEnd(ch) {
  return isSpace(ch) || ch === SLASH || ch === GT;
}
function isAttributeNameChar(ch) {
  return ch >= 97 && ch <= 122 || ch >= 65 && ch <= 90 || ch >= 48 && ch <= 57 || ch === 58 || ch === 95 || ch === 46 || ch === 45;
}
function spells(b, from, word) {
  for (let k = 0; k < word.length; k++) if (at(b, from + k) !== word.charCodeAt(k)) return false;
  return true;
}
function isStartOf(b, lt, name) {
  return spells(b, lt + 1, name) && isNameEnd(at(b, lt + 1 + name.length));
}
function isEndOf(b, lt, name) {
  return at(b, lt) === LT && at(b, lt + 1) === SLASH && spells(b, lt + 2, name) && at(b, lt + 2 + name.length) === GT;
}
function nextTag(b, from) {
  for (let i = from; i < b.length; i++) if (b[i] === LT) return i;
  return -1;
}
function digitsValue(b, from, to) {
  if (to <= from || to - from > 15) return -1;
  let n2 = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    n2 = n2 * 10 + d;
  }
  return n2;
}
function columnAt(b, from) {
  let col = 0;
  let i = at(b, from) === 36 ? from + 1 : from;
  for (; i < b.length; i++) {
    const ch = b[i] | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    if (col > MAX_COLS) return MAX_COLS;
  }
  return col - 1;
}
function isTrue(b, from, to) {
  return to - from === 1 && b[from] === 49 || to - from === 4 && spells(b, from, "true");
}
var TYPES = ["s", "n", "str", "b", "e", "inlineStr", "d"];
var SheetDataReader = class {
  constructor(rows, ctx, utf82) {
    this.rows = rows;
    this.ctx = ctx;
    this.utf8 = utf82;
  }
  rows;
  ctx;
  utf8;
  // The attribute `attribute` last read, as positions in the bytes.
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  /** The value holds a "&": a reference the general path decodes. */
  valueHasReference = false;
  // Set when `attribute` reaches the end of the tag: just after its ">", and whether it was "/>".
  tagAfter = 0;
  tagEmpty = false;
  // The cell's text found by `cellContent`: b[textStart, textEnd), from a <v> or an inline <t>.
  textStart = -1;
  textEnd = -1;
  inline = false;
  /**
   * Reads rows and cells from `from` on, a token boundary inside <sheetData> at depth 2 or 3;
   * returns where the first token it leaves to the general path starts (`b.length` when it
   * read everything).
   */
  read(b, from, position) {
    let pos = from;
    for (; ; ) {
      const lt = nextTag(b, pos);
      if (lt === -1) return b.length;
      let after;
      if (position.depth === 3) {
        if (isStartOf(b, lt, "c")) {
          after = this.cell(b, lt);
        } else if (isEndOf(b, lt, "row")) {
          this.rows.closeRow();
          position.depth = 2;
          after = lt + 6;
        } else {
          return lt;
        }
      } else if (isStartOf(b, lt, "row")) {
        after = this.row(b, lt, position);
      } else {
        return lt;
      }
      if (after === LEAVE) return lt;
      pos = after;
    }
  }
  /**
   * The next attribute of a start tag from `i` (just after the element name or the previous
   * value): its position after the closing quote, with the name and value positions set;
   * TAG_END at ">" or "/>" (tagAfter and tagEmpty set); LEAVE for anything else.
   */
  attribute(b, i) {
    let ch = at(b, i);
    let spaced = false;
    while (isSpace(ch)) {
      ch = at(b, ++i);
      spaced = true;
    }
    if (ch === GT || ch === SLASH && at(b, i + 1) === GT) {
      this.tagEmpty = ch === SLASH;
      this.tagAfter = ch === SLASH ? i + 2 : i + 1;
      return TAG_END;
    }
    if (!spaced) return LEAVE;
    const nameStart = i;
    while (isAttributeNameChar(ch)) ch = at(b, ++i);
    if (i === nameStart || ch !== EQUALS) return LEAVE;
    const quote = at(b, i + 1);
    if (quote !== QUOTE && quote !== APOS) return LEAVE;
    let close = i + 2;
    let amp = false;
    for (ch = at(b, close); ch !== quote; ch = at(b, ++close)) {
      if (ch === -1) return LEAVE;
      if (ch === AMP) amp = true;
    }
    this.nameStart = nameStart;
    this.nameEnd = i;
    this.valueStart = i + 2;
    this.valueEnd = close;
    this.valueHasReference = amp;
    return close + 1;
  }
  named(b, name) {
    return this.nameEnd - this.nameStart === name.length && spells(b, this.nameStart, name);
  }
  /** The attribute's value as the general path reads it (whole, decoded). */
  valueText(b) {
    return this.utf8(b, this.valueStart, this.valueEnd);
  }
  /** A <row> start tag at `lt`: r, hidden, ht and customHeight, as sheet.ts's openRow reads them. */
  row(b, lt, position) {
    let number = NaN;
    let hidden = false;
    let custom = false;
    let height;
    for (let i = lt + 4; (i = this.attribute(b, i)) !== TAG_END; ) {
      if (i === LEAVE) return LEAVE;
      const { valueStart: from, valueEnd: to } = this;
      if (this.named(b, "r")) {
        if (this.valueHasReference) return LEAVE;
        const n2 = digitsValue(b, from, to);
        number = n2 >= 0 ? n2 : parseInt(this.valueText(b), 10);
      } else if (this.named(b, "hidden")) {
        if (this.valueHasReference) return LEAVE;
        hidden = isTrue(b, from, to);
      } else if (this.named(b, "ht")) {
        if (this.valueHasReference) return LEAVE;
        height = this.valueText(b);
      } else if (this.named(b, "customHeight")) {
        if (this.valueHasReference) return LEAVE;
        custom = isTrue(b, from, to);
      }
    }
    this.rows.openRow(number, hidden, height !== void 0 && custom ? Number(height) : void 0);
    if (this.tagEmpty) this.rows.closeRow();
    else position.depth = 3;
    return this.tagAfter;
  }
  /** A whole <c> element at `lt`; LEAVE (and nothing changed) unless it has one of the shapes
   * the header lists and ends in `b`. */
  cell(b, lt) {
    let col = -1;
    let referenced = false;
    let type;
    let style = 0;
    for (let i = lt + 2; (i = this.attribute(b, i)) !== TAG_END; ) {
      if (i === LEAVE) return LEAVE;
      if (this.nameEnd - this.nameStart !== 1) continue;
      if (this.valueHasReference) return LEAVE;
      const { valueStart: from, valueEnd: to } = this;
      const name = b[this.nameStart];
      if (name === 114) {
        if (referenced) return LEAVE;
        referenced = true;
        col = columnAt(b, from);
      } else if (name === 116) {
        type = to - from === 1 && b[from] === 115 ? "s" : this.typeOf(b);
      } else if (name === 115) {
        const n2 = digitsValue(b, from, to);
        style = n2 >= 0 ? n2 : to === from ? 0 : parseInt(this.valueText(b), 10);
      }
    }
    this.textStart = -1;
    this.textEnd = -1;
    this.inline = false;
    const after = this.tagEmpty ? this.tagAfter : this.cellContent(b, this.tagAfter);
    if (after === LEAVE) return LEAVE;
    this.rows.openCell(col);
    if (this.textStart >= 0 && this.rows.storing) this.rows.store(this.inline ? this.inlineValue(b) : this.value(b, type, style));
    return after;
  }
  /** A t attribute's value: the same string constant for the usual ones, so none is made. */
  typeOf(b) {
    for (const t of TYPES) if (this.valueEnd - this.valueStart === t.length && spells(b, this.valueStart, t)) return t;
    return this.valueText(b);
  }
  /** From just after a cell's start tag to just after its </c>, or LEAVE; sets textStart,
   * textEnd and inline when the cell has a text. */
  cellContent(b, from) {
    let lt = nextTag(b, from);
    if (lt !== -1 && isStartOf(b, lt, "f")) {
      const after = this.skipFormula(b, lt);
      if (after === LEAVE) return LEAVE;
      lt = nextTag(b, after);
    }
    if (lt !== -1 && at(b, lt + 1) === 118 && at(b, lt + 2) === GT) {
      const end2 = nextTag(b, lt + 3);
      if (end2 === -1 || !isEndOf(b, end2, "v")) return LEAVE;
      if (end2 > lt + 3) {
        this.textStart = lt + 3;
        this.textEnd = end2;
      }
      lt = nextTag(b, end2 + 4);
    } else if (lt !== -1 && isStartOf(b, lt, "is")) {
      lt = this.plainInline(b, lt);
      if (lt === LEAVE) return LEAVE;
    }
    return lt !== -1 && isEndOf(b, lt, "c") ? lt + 4 : LEAVE;
  }
  /** `<is>` at `lt` holding one plain `<t …>text</t>`: the next "<" after `</is>`, or LEAVE. */
  plainInline(b, lt) {
    if (at(b, lt + 3) !== GT) return LEAVE;
    const t = nextTag(b, lt + 4);
    if (t === -1 || !isStartOf(b, t, "t")) return LEAVE;
    let i = t + 2;
    while ((i = this.attribute(b, i)) !== TAG_END) if (i === LEAVE) return LEAVE;
    let textEnd = this.tagAfter;
    let after = this.tagAfter;
    if (!this.tagEmpty) {
      textEnd = nextTag(b, this.tagAfter);
      if (textEnd === -1 || !isEndOf(b, textEnd, "t")) return LEAVE;
      after = textEnd + 4;
    }
    const end2 = nextTag(b, after);
    if (end2 === -1 || !isEndOf(b, end2, "is")) return LEAVE;
    this.inline = true;
    this.textStart = this.tagAfter;
    this.textEnd = textEnd;
    return nextTag(b, end2 + 5);
  }
  /** An <f> element at `lt` (skipped whole: its text is not collected); where it ends, or LEAVE. */
  skipFormula(b, lt) {
    let i = lt + 2;
    while ((i = this.attribute(b, i)) !== TAG_END) if (i === LEAVE) return LEAVE;
    if (this.tagEmpty) return this.tagAfter;
    const close = nextTag(b, this.tagAfter);
    return close !== -1 && isEndOf(b, close, "f") ? close + 4 : LEAVE;
  }
  /** The value of a cell whose <v> text (not empty) is at textStart…textEnd, as storedValue
   * gives it; a shared-string index or a whole number is read from its digits. */
  value(b, type, style) {
    const { textStart: from, textEnd: to } = this;
    if (type === "s" || type === void 0 || type === "n") {
      const n2 = digitsValue(b, from, to);
      if (n2 >= 0) return type === "s" ? this.ctx.sharedStrings[n2] ?? null : numberValue(n2, style, this.ctx);
    }
    const text = decodeXml(this.utf8(b, from, to));
    return text === "" ? null : storedValue(type, style, text, void 0, this.ctx);
  }
  /** A plain inline string, as RichStringReader and storedValue give it: "" is no value. */
  inlineValue(b) {
    const text = unescapeOoxml(decodeXml(this.utf8(b, this.textStart, this.textEnd))).normalize("NFC");
    return text === "" ? null : text;
  }
};

// ../../../tmp/readfast/mb21646.ts
var xml = import_fs.default.readFileSync("/tmp/readfast/sheet1.xml");
var start = xml.indexOf("<sheetData>") + 11;
var end = xml.indexOf("</sheetData>");
var body = xml.subarray(start, end);
var strings = [];
for (let i = 0; i < 2e3; i++) strings.push("s" + i);
var CH = 256 * 1024;
var times = [];
var n = Number(process.argv[2] ?? 15);
for (let k = 0; k < n; k++) {
  const opts = { sharedStrings: strings, dateStyles: [], date1904: false, maxMergeFollowers: 1e6, maxCells: 1e7 };
  const rows = new SheetRows(opts);
  const r = new SheetDataReader(rows, opts, utf8);
  const at2 = { depth: 2 };
  const u0 = process.cpuUsage();
  let carry = null;
  for (let p = 0; p < body.length; p += CH) {
    let b = new Uint8Array(body.buffer, body.byteOffset + p, Math.min(CH, body.length - p));
    if (carry) {
      const c = new Uint8Array(carry.length + b.length);
      c.set(carry);
      c.set(b, carry.length);
      b = c;
    }
    const stop = r.read(b, 0, at2);
    carry = stop < b.length ? b.slice(stop) : null;
  }
  const u = process.cpuUsage(u0);
  times.push((u.user + u.system) / 1e3);
  if (rows.values.length !== 50007) throw new Error("rows " + rows.values.length);
}
console.log("first", times[0].toFixed(0), "second", times[1]?.toFixed(0));
if (n > 3) {
  const t = times.slice(3).sort((a, b) => a - b);
  console.log("warm min", t[0].toFixed(0), "median", t[t.length >> 1].toFixed(0));
}
