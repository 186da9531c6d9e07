/** Words of the report tab's document fields, chart and Word download, Vietnamese first,
 * English second (NFC). The tab's other words are in ../strings.ts. */
import type { Lang } from '../../engine/model';

export interface ReportDocStrings {
  documentTitle: string;
  documentHint: string;
  governingAgency: string;
  governingAgencyPlaceholder: string;
  place: string;
  placePlaceholder: string;
  docSymbol: string;
  docSymbolHint: (number: string) => string;
  signerTitle: string;
  signerTitlePlaceholder: string;
  signerName: string;
  recipients: string;
  recipientsHint: string;
  chartTitle: string;
  /** The chart's text for screen readers: what it shows and where its numbers are. */
  chartLabel: string;
  areaTableCaption: string;
  areaColumn: string;
  doneColumn: string;
  overdueColumn: string;
  totalColumn: string;
  noArea: string;
  download: string;
  busyDownload: string;
  downloaded: (file: string) => string;
}

const VI: ReportDocStrings = {
  documentTitle: 'Thông tin văn bản',
  documentHint: 'Điền một lần, được lưu trong sổ tính; phần để trống giữ dấu chấm để điền tay khi ký.',
  governingAgency: 'Cơ quan chủ quản',
  governingAgencyPlaceholder: 'Ví dụ: UBND tỉnh Bình An',
  place: 'Địa danh',
  placePlaceholder: 'Ví dụ: Bình An',
  docSymbol: 'Ký hiệu cơ quan trong số văn bản',
  docSymbolHint: (number) => `Số văn bản: ${number}`,
  signerTitle: 'Chức vụ người ký (mỗi dòng một dòng)',
  signerTitlePlaceholder: 'Ví dụ: KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
  signerName: 'Họ và tên người ký',
  recipients: 'Nơi nhận (mỗi dòng một nơi)',
  recipientsHint: '“- Lưu: VT.” được thêm ở cuối nếu chưa có.',
  chartTitle: 'Kết quả theo lĩnh vực cải cách',
  chartLabel: 'Biểu đồ thanh xếp chồng: số nhiệm vụ mỗi lĩnh vực theo tình trạng; số liệu ở bảng bên dưới.',
  areaTableCaption: 'Số liệu theo lĩnh vực',
  areaColumn: 'Lĩnh vực',
  doneColumn: 'Hoàn thành',
  overdueColumn: 'Quá hạn',
  totalColumn: 'Tổng',
  noArea: '(Chưa thuộc lĩnh vực nào)',
  download: 'Tải báo cáo Word (.docx)',
  busyDownload: 'Đang tạo tệp Word…',
  downloaded: (file) => `Đã tạo tệp “${file}”: mở trong Word để hoàn thiện và ký.`,
};

const EN: ReportDocStrings = {
  documentTitle: 'Document details',
  documentHint: 'Filled in once and kept in the workbook; what is left blank stays dotted, to fill in by hand when signing.',
  governingAgency: 'Governing agency',
  governingAgencyPlaceholder: 'e.g. Binh An Provincial People’s Committee',
  place: 'Place',
  placePlaceholder: 'e.g. Bình An',
  docSymbol: 'Agency symbol in document numbers',
  docSymbolHint: (number) => `Document number: ${number}`,
  signerTitle: 'Signer’s title (one line each)',
  signerTitlePlaceholder: 'e.g. FOR THE DIRECTOR\nDEPUTY DIRECTOR',
  signerName: 'Signer’s name',
  recipients: 'Recipients (one a line)',
  recipientsHint: 'A filing line closes the list unless you wrote one.',
  chartTitle: 'Results by reform area',
  chartLabel: 'Stacked bar chart: each area’s tasks by status; the figures are in the table below.',
  areaTableCaption: 'Figures by reform area',
  areaColumn: 'Area',
  doneColumn: 'Done',
  overdueColumn: 'Overdue',
  totalColumn: 'Total',
  noArea: '(No section)',
  download: 'Download Word report (.docx)',
  busyDownload: 'Making the Word file…',
  downloaded: (file) => `“${file}” is ready: open it in Word to finish and sign it.`,
};

export function reportDocStrings(lang: Lang): ReportDocStrings {
  return lang === 'en' ? EN : VI;
}
