/**
 * The TCVN3 and VNI tables: every Vietnamese letter with every tone goes through the encoder
 * (the tables' inverse) and comes back from the decoder, alone and inside text; detection then
 * finds the encoding and reads the text back.
 */
import { decodeTcvn3, decodeVni, detectLegacy, encodeTcvn3, encodeVni, isVietnameseSyllable, legacyFontOf } from '../../../src/engine/legacy';
import { smallLetters, syllableWith } from './alphabet';

const small = smallLetters();
const capital = small.map((l) => l.toUpperCase());

describe('the alphabet', () => {
  it('has 73 small letters, all distinct, all NFC, and their 73 capitals', () => {
    expect(new Set(small).size).toBe(73);
    expect(new Set(capital).size).toBe(73);
    for (const l of [...small, ...capital]) expect(l).toBe(l.normalize('NFC'));
  });
});

describe('TCVN3 table', () => {
  it.each(small)('small %s: one Latin-1 code (or itself), decoded back', (letter) => {
    const code = encodeTcvn3(letter);
    expect(code).toHaveLength(1);
    expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xff);
    expect(decodeTcvn3(code)).toBe(letter);
  });

  it('gives distinct codes to distinct small letters', () => {
    expect(new Set(small.map(encodeTcvn3)).size).toBe(small.length);
  });

  it.each(capital)('capital %s: decoded back in a ".Vn…H" font', (letter) => {
    expect(decodeTcvn3(encodeTcvn3(letter), { upperFont: true })).toBe(letter);
  });

  it('has codes of their own for the seven capitals VN3 holds', () => {
    expect(encodeTcvn3('ĂÂÊÔƠƯĐ')).toBe('\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7');
    expect(decodeTcvn3('\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7')).toBe('ĂÂÊÔƠƯĐ');
  });

  it('reads the examples of legacy workbooks', () => {
    expect(decodeTcvn3('NhiÖm vô')).toBe('Nhiệm vụ');
    expect(decodeTcvn3('Chñ tr×')).toBe('Chủ trì');
    expect(decodeTcvn3('Tr\u00adíc ngµy 15/12/2025')).toBe('Trước ngày 15/12/2025');
  });

  it('takes a word typed in capitals as capitals throughout, and a text in a ".Vn…H" font as capitals', () => {
    expect(decodeTcvn3('NHIÖM Vô')).toBe('NHIỆM VỤ');
    expect(decodeTcvn3('Ban CHØ ®¹o')).toBe('Ban CHỈ đạo');
    expect(decodeTcvn3('nhiÖm vô', { upperFont: true })).toBe('NHIỆM VỤ');
  });

  it('leaves ASCII, digits and the codes VN3 does not use as they are', () => {
    expect(decodeTcvn3('UBND 2025 - A/B (x)')).toBe('UBND 2025 - A/B (x)');
    expect(decodeTcvn3('\u00b0\u00e0\u00c0')).toBe('\u00b0\u00e0\u00c0');
  });
});

describe('VNI table', () => {
  it.each([...small, ...capital])('%s: encoded and decoded back', (letter) => {
    const bytes = encodeVni(letter);
    for (const ch of bytes) expect(ch.charCodeAt(0)).toBeLessThanOrEqual(0xff);
    expect(decodeVni(bytes)).toBe(letter);
  });

  it('gives distinct byte sequences to distinct letters', () => {
    const all = [...small, ...capital].map(encodeVni);
    expect(new Set(all).size).toBe(all.length);
  });

  it('reads well-known words', () => {
    expect(decodeVni('Nhieäm vuï')).toBe('Nhiệm vụ');
    expect(decodeVni('Chuû trì')).toBe('Chủ trì');
    expect(decodeVni('Ñôn vò chuû trì')).toBe('Đơn vị chủ trì');
    expect(decodeVni('Döôïc')).toBe('Dược');
    expect(decodeVni('NHIEÄM VUÏ')).toBe('NHIỆM VỤ');
    expect(decodeVni('thuôû')).toBe('thuở');
  });

  it('keeps the letter case of the base letter whatever the case of the mark', () => {
    expect(decodeVni('UÛy ban')).toBe('Ủy ban');
    expect(decodeVni('Uûy ban')).toBe('Ủy ban');
    expect(decodeVni('uÛ')).toBe('ủ');
  });

  it('leaves a mark byte with no letter to sit on as it is', () => {
    expect(decodeVni('Bù 3ø')).toBe('Bù 3ø');
    expect(decodeVni('yâ')).toBe('yâ');
  });
});

describe('whole texts with every letter', () => {
  // The letter inside a short sentence of a plan, so that detection has words to weigh.
  const sentence = (letter: string) => `Kế hoạch ${syllableWith(letter)} năm 2025`;
  const samples = [...small, ...capital.map((l) => l)].map((l) => ({ letter: l, text: small.includes(l) ? sentence(l) : sentence(l).toUpperCase() }));

  it.each(samples)('$letter: TCVN3 detected and read back, without and with the font', ({ text }) => {
    const encoded = encodeTcvn3(text);
    const found = detectLegacy(encoded);
    expect(found).toEqual({ kind: 'legacy', encoding: 'tcvn3', text });
    const upper = text === text.toUpperCase();
    expect(detectLegacy(encoded, upper ? '.VnTimeH' : '.VnTime')).toEqual({ kind: 'legacy', encoding: 'tcvn3', text });
  });

  it.each(samples)('$letter: VNI detected and read back, without and with the font', ({ text }) => {
    const encoded = encodeVni(text);
    expect(detectLegacy(encoded)).toEqual({ kind: 'legacy', encoding: 'vni', text });
    expect(detectLegacy(encoded, 'VNI-Times')).toEqual({ kind: 'legacy', encoding: 'vni', text });
  });

  // A code that is no letter of Unicode Vietnamese ("Ö", "¸") can only be the TCVN3 letter.
  const foreignCode = (l: string) => !/^[a-zàáâãèéêìíòóôõùúýA-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]$/.test(encodeTcvn3(l));
  it.each(small.filter(foreignCode))('%s alone in a ".VnTime" cell is read as TCVN3', (letter) => {
    expect(detectLegacy(encodeTcvn3(letter), '.VnTime')).toEqual({ kind: 'legacy', encoding: 'tcvn3', text: letter });
  });

  // A lone code that is itself a Unicode word ("ó", TCVN3 for "ú") is left as written even in a
  // ".VnTime" cell: a real Unicode text must never be changed.
  it.each(small.filter((l) => encodeTcvn3(l) !== l && isVietnameseSyllable(encodeTcvn3(l))))('%s alone, coded as a Unicode word, stays as written', (letter) => {
    expect(detectLegacy(encodeTcvn3(letter), '.VnTime').kind).toBe('unicode');
  });
});

describe('fonts', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', upper: false }],
    ['.VnArial', { encoding: 'tcvn3', upper: false }],
    ['.VnTimeH', { encoding: 'tcvn3', upper: true }],
    ['.VnArial NarrowH', { encoding: 'tcvn3', upper: true }],
    ['.VnCentury Schoolbook', { encoding: 'tcvn3', upper: false }],
    ['VNI-Times', { encoding: 'vni', upper: false }],
    ['VNI-Helve-Condense', { encoding: 'vni', upper: false }],
    ['Times New Roman', null],
    ['Arial', null],
    ['Calibri', null],
    ['', null],
  ])('%s', (name, expected) => {
    expect(legacyFontOf(name)).toEqual(expected);
  });
});

describe('syllables', () => {
  it.each(['nhiệm', 'vụ', 'chủ', 'trì', 'quỳnh', 'quyết', 'giữa', 'gì', 'khuỷu', 'nghiêng', 'thuở', 'người', 'được', 'oái', 'ăn', 'yêu', 'Đường', 'KHUYẾN'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  // "xoong" is a loanword left out on purpose (VNI "Coâng" must not read as TCVN3 "Coõng"); "phý",
  // "chý": Vietnamese writes "phí", "chí".
  it.each(['tèt', 'hảt', 'chuû', 'NhiÖm', 'café', 'where', 'ăa', 'â', 'gh', 'qa', 'stt', 'thầnh', 'bỏo', 'xoong', 'phý', 'chý', 'ñy'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
