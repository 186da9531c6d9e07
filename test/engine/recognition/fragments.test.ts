/**
 * Plans converted from the signed PDF: a row of fragments under no STT — cells that read as
 * the ends of the cells above — is joined to the row above, whichever columns it touches.
 */
import { analyse, codes, kinds, task } from './helpers';

const H = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian'];

describe('fragments joined to the row above', () => {
  it('a deadline cut after "Quý": the number is its end', () => {
    const a = analyse([H, ['1', 'Kiểm tra công vụ', 'Biên bản kiểm tra', 'Thanh tra', 'Văn phòng', 'Quý'], ['', '', '', '', '', 'II/2025']]);
    expect(kinds(a)[3]).toBe('continuation');
    expect(task(a, 2).deadline).toMatchObject({ text: 'Quý II/2025', due: '2025-06-30' });
  });

  it('"Thường" / "xuyên" in the deadline, "Phòng Nghiệp" / "vụ Dược" in the lead', () => {
    const a = analyse([H, ['1', 'Thanh tra chuyên ngành dược', 'Kết luận thanh tra', 'Phòng Nghiệp', '', 'Thường'], ['', '', '', 'vụ Dược', '', 'xuyên']]);
    expect(a.tasks).toHaveLength(1);
    expect(task(a, 2).cells.lead?.text).toBe('Phòng Nghiệp vụ Dược');
    expect(task(a, 2).deadline.kind).toBe('recurring');
  });

  it('a percentage under "… đạt" in the output', () => {
    const a = analyse([H, ['1', 'Số hóa hồ sơ thủ tục', 'Tỷ lệ số hóa đạt', 'Văn phòng', '', 'Năm 2025'], ['', '', '100%', '', '', '']]);
    expect(kinds(a)[3]).toBe('continuation');
    expect(task(a, 2).cells.output?.text).toBe('Tỷ lệ số hóa đạt 100%');
    expect(task(a, 2).outputKind).toBe('measurable');
  });

  it('a lone word closing a unit name ("Văn phòng" / "Sở"), with a date piece beside it', () => {
    const a = analyse([H, ['1', 'Lập hồ sơ lưu trữ', 'Hồ sơ', 'Văn phòng', '', 'Tháng'], ['', '', '', 'Sở', '', '6/2025']]);
    expect(a.tasks).toHaveLength(1);
    expect(task(a, 2).cells.lead?.text).toBe('Văn phòng Sở');
    expect(task(a, 2).deadline.due).toBe('2025-06-30');
    expect(codes(task(a, 2))).not.toContain('lead-missing');
  });

  it('every column cut at once', () => {
    const a = analyse([
      H,
      ['1', 'Tổ chức đối thoại với', 'Báo cáo kết quả', 'Văn phòng', 'Các phòng chuyên', 'Quý'],
      ['', 'doanh nghiệp', 'đối thoại', 'Sở', 'môn', 'III/2025'],
    ]);
    expect(kinds(a)[3]).toBe('continuation');
    expect(task(a, 2).cells.support?.text).toBe('Các phòng chuyên môn');
  });
});

describe('rows that are not fragments', () => {
  it('a row of a group with its own output and deadline stays a task', () => {
    const a = analyse([H, ['1', 'Rà soát thủ tục', 'Kế hoạch rà soát', 'Văn phòng', '', 'Quý I/2025'], ['', '', 'Báo cáo kết quả', '', '', 'Quý IV/2025']]);
    expect(kinds(a)[3]).toBe('task');
  });

  it('a one-word output under another is a new output, not an end', () => {
    const a = analyse([H, ['1', 'Ban hành quy chế', 'Quyết định', 'Văn phòng', '', 'Quý I/2025'], ['', '', 'Tờ', 'Văn phòng', '', 'Quý II/2025']]);
    expect(kinds(a)[3]).toBe('task');
  });

  it('a date under a complete deadline starts another task of the group', () => {
    const a = analyse([H, ['1', 'Tập huấn nghiệp vụ', 'Lớp tập huấn', 'Văn phòng', '', 'Quý II/2025'], ['', '', 'Lớp tập huấn', 'Văn phòng', '', 45930]]);
    expect(kinds(a)[3]).toBe('task');
  });
});

describe('a section title cut over two lines', () => {
  it('the second line continues the title, it is not a task', () => {
    const a = analyse(
      [
        H,
        ['VI', 'Xây dựng và phát triển chính quyền điện tử,'],
        ['', 'chính quyền số'],
        ['1', 'Nâng cấp phần mềm một cửa', 'Phần mềm', 'Trung tâm Tin học', '', 'Quý III/2025'],
        ['VII. CÔNG TÁC CHỈ ĐẠO,'],
        ['ĐIỀU HÀNH'],
        ['1', 'Ban hành kế hoạch năm', 'Kế hoạch', 'Văn phòng', '', 'Tháng 1/2025'],
      ],
      ['A5:F5', 'A6:F6'],
    );
    expect(kinds(a)).toEqual({ 2: 'section', 3: 'continuation', 4: 'task', 5: 'section', 6: 'continuation', 7: 'task' });
    expect(a.sections.map((s) => s.title)).toEqual(['Xây dựng và phát triển chính quyền điện tử, chính quyền số', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH']);
    expect(a.tasks).toHaveLength(2);
  });
});
