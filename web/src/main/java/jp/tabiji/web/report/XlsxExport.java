package jp.tabiji.web.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A report as XLSX: the key figures on the first sheet, one sheet per table, numbers and dates as real cells. */
public final class XlsxExport {
    public void write(Report r, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle ratio = wb.createCellStyle();
            ratio.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.0%"));
            ReportLanguage l = r.lang();

            Sheet kpis = wb.createSheet(WorkbookUtil.createSafeSheetName(l.word("kpis")));
            Row title = kpis.createRow(0);
            title.createCell(0).setCellValue(l.word("title"));
            title.getCell(0).setCellStyle(bold);
            Row period = kpis.createRow(1);
            period.createCell(0).setCellValue(l.word("period"));
            period.createCell(1).setCellValue(r.from());
            period.getCell(1).setCellStyle(date);
            period.createCell(2).setCellValue(r.to());
            period.getCell(2).setCellStyle(date);
            int i = 3;
            for (Map.Entry<String, Object> e : r.kpis().entrySet()) {
                if (List.of("from", "to", "k").contains(e.getKey())) {
                    continue;
                }
                Row row = kpis.createRow(i++);
                row.createCell(0).setCellValue(l.word(e.getKey()));
                if (e.getValue() instanceof Number n) {
                    row.createCell(1).setCellValue(n.doubleValue());
                    if (e.getKey().endsWith("share") || e.getKey().endsWith("rate")) {
                        row.getCell(1).setCellStyle(ratio);
                    }
                } else {
                    row.createCell(1).setCellValue(l.word("suppressed"));
                }
            }
            if (r.kpis().isEmpty()) {
                kpis.createRow(i++).createCell(0).setCellValue(l.word("kpisLattice"));
            }
            kpis.createRow(i + 1).createCell(0).setCellValue(r.note());
            kpis.autoSizeColumn(0);

            for (Report.Section s : r.sections()) {
                Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(s.title()));
                ResultTable t = s.table();
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    head.createCell(c).setCellValue(l.word(t.columns().get(c)));
                    head.getCell(c).setCellStyle(bold);
                }
                int rowIndex = 1;
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(rowIndex++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        String column = t.columns().get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (column.equals("day") && v instanceof String d) {
                            row.createCell(c).setCellValue(LocalDate.parse(d));
                            row.getCell(c).setCellStyle(date);
                        } else if (column.endsWith("site_id") && v instanceof String id) {
                            row.createCell(c).setCellValue(r.siteName(id));
                        } else {
                            row.createCell(c).setCellValue(Cells.text(v, t.k()));
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
        }
    }
}
