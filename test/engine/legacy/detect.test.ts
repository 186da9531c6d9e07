/**
 * Detection precision and recall: genuine Unicode text is never read as legacy text, with or
 * without a Unicode font; legacy text is found per cell and across a sheet.
 */
import { detectLegacy, encodeTcvn3, encodeVni, mayBeLegacy, readSheetTexts } from '../../../src/engine/legacy';
import { OTHER_TEXT, UNICODE_VIETNAMESE } from './unicode-corpus';

const isLatin1Only = (s: string) => [...s].every((ch) => ch.charCodeAt(0) <= 0xff);

describe('genuine Unicode text', () => {
  it('the corpus holds many texts a legacy reading could mistake (Latin-1 letters only)', () => {
    const hard = UNICODE_VIETNAMESE.filter((s) => isLatin1Only(s) && mayBeLegacy(s));
    expect(hard.length).toBeGreaterThanOrEqual(60);
  });

  // Some ("Tháng 6" is also TCVN3 "Thỏng 6") are thin evidence at most, for the sheet to settle.
  it.each(UNICODE_VIETNAMESE)('%s is never taken for legacy text on its own', (text) => {
    expect(detectLegacy(text).kind).not.toBe('legacy');
    expect(detectLegacy(text, 'Times New Roman').kind).not.toBe('legacy');
    expect(readSheetTexts([{ text }])).toEqual([null]);
  });

  it('of every word well-formed, is never read as VNI, even in a VNI sheet', () => {
    const vniSheet = ['Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành', 'Rà soát quy trình'].map((t) => ({ text: encodeVni(t) }));
    const read = readSheetTexts([...vniSheet, ...UNICODE_VIETNAMESE.map((text) => ({ text }))]);
    expect(read.slice(vniSheet.length).filter((r) => r !== null)).toEqual([]);
  });

  it('in a Unicode font stays as written, even in a TCVN3 or VNI sheet', () => {
    for (const encode of [encodeTcvn3, encodeVni]) {
      const legacySheet = ['Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành', 'Rà soát quy trình'].map((t) => ({ text: encode(t) }));
      const read = readSheetTexts([...legacySheet, ...UNICODE_VIETNAMESE.map((text) => ({ text, font: 'Times New Roman' }))]);
      expect(read.slice(0, legacySheet.length).every((r) => r !== null)).toBe(true);
      expect(read.slice(legacySheet.length).filter((r) => r !== null)).toEqual([]);
    }
  });

  // "Où" is also VNI for "Ó": alone it is at most thin evidence, which a Unicode sheet never takes.
  it.each(OTHER_TEXT)('%s is never taken for legacy text on its own', (text) => {
    expect(detectLegacy(text).kind).not.toBe('legacy');
    expect(detectLegacy(text, 'Times New Roman').kind).not.toBe('legacy');
    expect(readSheetTexts([{ text }])).toEqual([null]);
  });

  it('in capitals and in small letters too', () => {
    const texts = UNICODE_VIETNAMESE.flatMap((t) => [t.toUpperCase(), t.toLowerCase()]);
    for (const text of texts) expect([text, detectLegacy(text).kind === 'legacy']).toEqual([text, false]);
    expect(readSheetTexts(texts.map((text) => ({ text }))).filter((r) => r !== null)).toEqual([]);
  });

  it('a whole sheet of it holds no legacy cell', () => {
    const texts = [...UNICODE_VIETNAMESE, ...OTHER_TEXT].map((text) => ({ text }));
    expect(readSheetTexts(texts).filter((r) => r !== null)).toEqual([]);
  });

  it('stays Unicode beside a TCVN3 or VNI part of the same sheet', () => {
    const legacyTexts = ['Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Rà soát thủ tục hành chính', 'Trước ngày 15/12/2025'];
    for (const encode of [encodeTcvn3, encodeVni]) {
      const texts = [...legacyTexts.map((t) => ({ text: encode(t) })), ...UNICODE_VIETNAMESE.map((text) => ({ text }))];
      const read = readSheetTexts(texts);
      expect(read.slice(0, legacyTexts.length).map((r) => r?.text)).toEqual(legacyTexts);
      expect(read.slice(legacyTexts.length).filter((r) => r !== null)).toEqual([]);
    }
  });

  it('Unicode text in a cell that kept a legacy font stays Unicode', () => {
    for (const text of ['Hoàn thành', 'Nhiệm vụ', 'Quý II/2025', 'Tháng 6', 'Hòa Bình', 'Khánh Hòa', 'Tình hình']) {
      expect(detectLegacy(text, '.VnTime').kind).toBe('unicode');
      expect(detectLegacy(text, 'VNI-Times').kind).toBe('unicode');
    }
  });
});

describe('legacy text', () => {
  const phrases = [
    'Nhiệm vụ', 'Chủ trì', 'Cơ quan chủ trì thực hiện', 'Thời gian hoàn thành', 'Sản phẩm đầu ra',
    'Rà soát, đánh giá thủ tục hành chính', 'Tháng 6/2025', 'Quý II/2025', 'Trước ngày 15/12/2025',
    'Hàng quý', 'Thường xuyên', 'Phòng Tư pháp', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'UBND các xã, thị trấn',
  ];

  // "Quý" is written the same in TCVN3 and in Unicode.
  const tcvn3Phrases = phrases.filter((t) => encodeTcvn3(t) !== t);
  // One word of shared letters ("Thaùng 6/2025") is thin evidence: found, settled by the sheet.
  const thin = ['Tháng 6/2025', 'Quý II/2025'];

  it.each(tcvn3Phrases)('%s in TCVN3 is found and read back', (text) => {
    expect(detectLegacy(encodeTcvn3(text))).toEqual({ kind: 'legacy', encoding: 'tcvn3', text });
  });

  it.each(phrases.filter((t) => !thin.includes(t)))('%s in VNI is found and read back', (text) => {
    expect(detectLegacy(encodeVni(text))).toEqual({ kind: 'legacy', encoding: 'vni', text });
  });

  it.each(thin)('%s in VNI is thin evidence, read back in a VNI sheet', (text) => {
    expect(detectLegacy(encodeVni(text))).toEqual({ kind: 'ambiguous', readings: { vni: text } });
  });

  it('a sheet of them is read back in full, in either encoding', () => {
    expect(readSheetTexts(tcvn3Phrases.map((t) => ({ text: encodeTcvn3(t) }))).map((r) => r?.text)).toEqual(tcvn3Phrases);
    expect(readSheetTexts(phrases.map((t) => ({ text: encodeVni(t) }))).map((r) => r?.text)).toEqual(phrases);
  });

  it('the whole Unicode corpus, encoded, is read back: a TCVN3 or VNI sheet loses nothing', () => {
    for (const encode of [encodeTcvn3, encodeVni]) {
      const changed = UNICODE_VIETNAMESE.filter((t) => encode(t) !== t && t !== 'Ủy ban');
      expect(readSheetTexts(changed.map((t) => ({ text: encode(t) }))).map((r) => r?.text)).toEqual(changed);
    }
    // TCVN3 has no "Ủ": "ñy ban" is drawn, and read, "ủy ban".
    expect(readSheetTexts([{ text: encodeTcvn3('Nhiệm vụ') }, { text: encodeTcvn3('Ủy ban') }])[1]?.text).toBe('ủy ban');
  });

  it('one word of letters Unicode also uses is thin evidence, settled by the sheet', () => {
    // "Thaùng 6" is VNI for "Tháng 6"; alone it could be a typo in Unicode.
    expect(detectLegacy('Thaùng 6')).toEqual({ kind: 'ambiguous', readings: { vni: 'Tháng 6' } });
    expect(readSheetTexts([{ text: 'Thaùng 6' }])).toEqual([null]);
    const sheet = ['Nhieäm vuï', 'Chuû trì', 'Thaùng 6'].map((text) => ({ text }));
    expect(readSheetTexts(sheet)[2]).toEqual({ encoding: 'vni', text: 'Tháng 6' });
  });

  it('a legacy appendix with a Unicode tracking column: the statuses stay, thin cells follow the sheet', () => {
    const appendix = ['Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành', 'Rà soát quy trình', 'Phòng Tư pháp', 'Tháng 6', 'Tháng 9', 'Quý III'];
    const statuses = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Hoàn thành', 'Hoàn thành', 'Tình trạng'];
    for (const [encode, encoding] of [[encodeTcvn3, 'tcvn3'], [encodeVni, 'vni']] as const) {
      const texts = [...appendix.map((t) => ({ text: encode(t) })), ...statuses.map((text) => ({ text }))];
      const read = readSheetTexts(texts);
      const legacy = appendix.filter((t) => encode(t) !== t);
      expect(read.slice(0, appendix.length).filter((r) => r !== null)).toEqual(legacy.map((text) => ({ encoding, text })));
      expect(read.slice(appendix.length)).toEqual(statuses.map(() => null));
    }
  });

  it('the font settles a cell the letters alone leave open', () => {
    expect(detectLegacy('Thaùng 6', 'VNI-Times')).toEqual({ kind: 'legacy', encoding: 'vni', text: 'Tháng 6' });
    expect(detectLegacy('\u00ae', '.VnTime')).toEqual({ kind: 'legacy', encoding: 'tcvn3', text: 'đ' });
    expect(detectLegacy('\u00ae').kind).toBe('unicode');
  });

  it('a text both encodings read as well is settled by the sheet', () => {
    // "Thuû": TCVN3 "Thuỷ", VNI "Thủ".
    expect(detectLegacy('Thuû')).toEqual({ kind: 'ambiguous', readings: { tcvn3: 'Thuỷ', vni: 'Thủ' } });
    const tcvn3 = ['Nhiệm vụ', 'Chủ trì'].map((t) => ({ text: encodeTcvn3(t) }));
    const vni = ['Nhiệm vụ', 'Chủ trì'].map((t) => ({ text: encodeVni(t) }));
    expect(readSheetTexts([...tcvn3, { text: 'Thuû' }])[2]).toEqual({ encoding: 'tcvn3', text: 'Thuỷ' });
    expect(readSheetTexts([...vni, { text: 'Thuû' }])[2]).toEqual({ encoding: 'vni', text: 'Thủ' });
  });

  it('a TCVN3 word that is also a well-formed Unicode one follows a TCVN3 sheet', () => {
    // "Céng" is TCVN3 for "Cộng", "Ghi chó" for "Ghi chú", "Cã" for "Có".
    const sheet = ['Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành'].map((t) => ({ text: encodeTcvn3(t) }));
    const read = readSheetTexts([...sheet, { text: 'Céng' }, { text: 'Ghi chó' }, { text: 'Cã' }]);
    expect(read.slice(3).map((r) => r?.text)).toEqual(['Cộng', 'Ghi chú', 'Có']);
    expect(readSheetTexts([{ text: 'Céng' }, { text: 'Ghi chó' }])).toEqual([null, null]);
  });

  it('a ".Vn…H" font gives capitals', () => {
    expect(detectLegacy('nhiÖm vô', '.VnTimeH')).toEqual({ kind: 'legacy', encoding: 'tcvn3', text: 'NHIỆM VỤ' });
  });

  it('text already in Unicode Vietnamese is never decoded, whatever else it holds', () => {
    expect(detectLegacy('Nhiệm vụ ¸ ×').kind).toBe('unicode');
    expect(detectLegacy('Nhiê\u0323m vu\u0323').kind).toBe('unicode');
  });
});
