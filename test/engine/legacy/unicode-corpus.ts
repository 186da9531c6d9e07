/**
 * Genuine Unicode text a plan workbook holds, written for these tests: headers, tasks, units,
 * outputs, deadlines, statuses, places and notes, in sentence case and in capitals. Many are
 * made only of Latin-1 letters ("Hoàn thành", "Tháng 6", "Quý II"), the texts a legacy reading
 * could mistake; none may be read as TCVN3 or VNI.
 */
export const UNICODE_VIETNAMESE: readonly string[] = [
  // headers
  'STT', 'Nội dung công việc', 'Nhiệm vụ', 'Tên nhiệm vụ', 'Hoạt động cụ thể', 'Sản phẩm đầu ra',
  'Kết quả dự kiến', 'Cơ quan chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Thời hạn',
  'Thời gian bắt đầu', 'Kinh phí', 'Kinh phí thực hiện (triệu đồng)', 'Ghi chú', 'GHI CHÚ',
  'Bộ phận thực hiện', 'Người thực hiện', 'Công chức phụ trách', 'Tình trạng', 'Kiểm tra', 'Hạn chót',
  'THỜI GIAN', 'CHỦ TRÌ', 'PHỐI HỢP', 'SẢN PHẨM', 'NỘI DUNG', 'KINH PHÍ', 'TIÊU CHÍ', 'CHUYÊN MÔN',
  'TÀI CHÍNH', 'GIÁM SÁT', 'BÁO CÁO', 'HOÀN THÀNH', 'THÁNG 6', 'TÌNH HÌNH', 'CHÍNH SÁCH', 'PHÒNG',
  // sections and tasks
  'CẢI CÁCH THỂ CHẾ', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ',
  'Cải cách tài chính công', 'Xây dựng chính quyền điện tử, chính quyền số', 'Công tác chỉ đạo, điều hành',
  'Rà soát, đánh giá thủ tục hành chính', 'Tổ chức tập huấn nghiệp vụ cho công chức một cửa',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Tuyên truyền về cải cách hành chính',
  'Khảo sát mức độ hài lòng của người dân', 'Kiểm tra công tác cải cách hành chính tại các xã',
  'Ban hành kế hoạch cải cách hành chính năm 2025', 'Cập nhật cơ sở dữ liệu cán bộ, công chức',
  'Chính sách', 'Chính sách mới', 'Tài chính công', 'Trung tâm Hành chính công', 'Giám sát', 'Góp ý',
  'Tiêu chí', 'Chi phí', 'Kinh phí', 'Ban hành', 'Báo cáo', 'Báo cáo tình hình', 'Báo cáo quý', 'Báo cáo tháng',
  'Tình hình', 'Chuyên môn', 'Phòng chuyên môn', 'Trình UBND', 'Giao ban', 'Hành chính', 'Công khai',
  // units
  'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Thông tin và Truyền thông',
  'Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Tài chính', 'Phòng Y tế', 'Công an tỉnh', 'Công an',
  'Thanh tra tỉnh', 'Thanh tra', 'Các phòng chuyên môn', 'UBND các xã, phường, thị trấn', 'Ban Tôn giáo',
  'Trung tâm Phục vụ hành chính công', 'Kho bạc Nhà nước', 'Chi cục Thuế', 'Bưu điện tỉnh', 'Các sở, ban, ngành',
  'Chủ tịch UBND xã', 'Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch', 'Phòng Văn hóa',
  // outputs
  'Kế hoạch', 'Quyết định', 'Báo cáo kết quả', 'Tỷ lệ hồ sơ trực tuyến đạt 80%', '100% hồ sơ được số hóa',
  'Văn bản hướng dẫn', 'Hội nghị tập huấn', 'Danh mục thủ tục hành chính', 'Công văn', 'Tờ trình',
  // deadlines
  'Quý I', 'Quý II', 'Quý III và Quý IV', 'Quý I/2025', 'Quý II/2025', 'Q3/2025', 'T10/2025', 'Tháng 6',
  'Tháng 12/2025', 'Tháng 6 và tháng 12', 'Tháng 3 và tháng 9', 'Trong tháng 6', 'Trong quý II', 'Hàng tháng',
  'Hàng quý', 'Hàng năm', 'Thường xuyên', 'Cả năm', 'Năm 2025', 'Trước ngày 15/12/2025', 'Trước 30/6/2025',
  'Trước ngày 15/12/2025 (báo cáo năm)', 'Sau khi', 'Khi có yêu cầu', 'Theo yêu cầu', 'Định kỳ 6 tháng',
  'Từ tháng 3 đến tháng 11', 'Quý II, III', 'Sáu tháng', 'Tháng 10/2025', 'Cuối tháng', 'Đầu quý',
  // statuses
  'Hoàn thành', 'Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành', 'Chưa hoàn thành', 'Có', 'Không',
  'Hoàn thành đúng hạn', 'Quá hạn',
  // places and people
  'An Giang', 'Kiên Giang', 'Cà Mau', 'Hòa Bình', 'Khánh Hòa', 'Thái Bình', 'Ninh Bình', 'Tây Ninh',
  'Lào Cai', 'Yên Bái', 'Tuyên Quang', 'Phú Yên', 'Trà Vinh', 'Hà Giang', 'Gia Lai', 'Hà Nam', 'Thái Nguyên',
  'Bà Rịa - Vũng Tàu', 'Đà Nẵng', 'Thừa Thiên Huế', 'Huyện Tân Phú', 'Xã Hòa Phú', 'Thị xã Phú Mỹ',
  'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Long', 'Phạm Minh Tâm', 'Hoàng Văn Thái', 'CHỦ TỊCH',
  'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nơi nhận:', 'Lưu: VT, NV.',
  // old-style tone placement and other spellings
  'Hòa', 'Hoà', 'Thủy', 'Thuỷ', 'Quý', 'Ủy ban', 'Uỷ ban', 'Hóa đơn', 'Hoá đơn', 'Khỏe', 'Khoẻ',
  // titles and notes
  'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025', 'PHỤ LỤC', 'Phụ lục I', 'DANH MỤC NHIỆM VỤ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Tổng cộng', 'Cộng',
  'Ghi chú: Các đơn vị báo cáo trước ngày 15 hằng tháng.', '(Kèm theo Kế hoạch số 12/KH-UBND)',
  '- Công văn - Quyết định', '+ Hội nghị', 'a) Rà soát', 'Tài liệu', 'Tin học', 'Cán bộ', 'Bình Dương',
];

/** Text in other languages and no words at all: numbers, dates, codes, signs. */
export const OTHER_TEXT: readonly string[] = [
  'Total', 'Task list', 'Report due', 'Monthly report', 'Lead unit', 'Deadline', 'N/A', 'TBD', 'OK',
  'naïve café résumé', 'crème brûlée', 'déjà vu', 'À la carte', 'Où', 'Où est la gare ?', 'Hôtel de ville',
  'très bien', 'forêt', 'élève', 'Noël', 'garçon', 'maïs', 'aïe', 'pâté', 'Côte d’Ivoire', 'être ou ne pas être',
  'São Paulo', 'Zürich', 'Müller', 'Köln', 'Straße', 'Señor', 'Ångström', 'Ñandú', 'smørrebrød', 'Ærø',
  '£100', '© 2024', '25°C', '½ ngày', '3×4', '10 ÷ 2', '§ 3', '± 5%', 'x²', '« Bonjour »', 'µg', '¿Qué?', '¡Hola!',
  '15/12/2025', '2025-06-30', '30/6', '1.000.000', '12,5', '100%', '#N/A', '#REF!', '-', '—', 'x', '1', 'I', 'II',
  'IV', '1.1', '2.3.4', 'a)', 'b)', '(1)', '(2)', 'A.', 'B.', 'KH-UBND', '12/KH-UBND', 'CCHC', 'UBND', 'HĐND',
];
