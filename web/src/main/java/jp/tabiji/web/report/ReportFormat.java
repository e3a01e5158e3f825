package jp.tabiji.web.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;

/** The export formats, their content types and file endings. */
public enum ReportFormat {
    CSV("text/csv; charset=utf-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx"), PDF("application/pdf", "pdf");

    public final String contentType;
    public final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public static ReportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("format must be pdf, xlsx or csv, not '" + s + "'");
        }
    }

    public void write(Report r, OutputStream out, Path font) throws IOException {
        switch (this) {
            case CSV -> new CsvExport().write(r, out);
            case XLSX -> new XlsxExport().write(r, out);
            case PDF -> new PdfReport(font).write(r, out);
        }
    }
}
