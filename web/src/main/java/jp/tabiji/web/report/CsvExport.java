package jp.tabiji.web.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.ingest.registry.Csv;

/**
 * A report as CSV: UTF-8 with a byte-order mark (Excel in Japan reads UTF-8 only with it), the key figures,
 * then each table under its title with the CLI's column names.
 */
public final class CsvExport {
    public void write(Report r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        ReportLanguage l = r.lang();
        line(w, List.of(l.word("title")));
        line(w, List.of(l.word("period"), r.from().toString(), r.to().toString()));
        line(w, List.of(r.note()));
        w.write("\r\n");
        line(w, List.of(l.word("kpis")));
        if (r.kpis().isEmpty()) {
            line(w, List.of(l.word("kpisLattice")));
        }
        for (Map.Entry<String, Object> e : r.kpis().entrySet()) {
            if (!e.getKey().equals("from") && !e.getKey().equals("to") && !e.getKey().equals("k")) {
                line(w, List.of(e.getKey(), e.getValue() == null ? "" : e.getValue().toString()));
            }
        }
        for (Report.Section s : r.sections()) {
            w.write("\r\n");
            line(w, List.of(s.title()));
            ResultTable t = s.table();
            line(w, t.columns());
            for (List<Object> row : t.rows()) {
                line(w, row.stream().map(v -> Cells.text(v, t.k())).toList());
            }
        }
        w.flush();
    }

    /** A text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    public static String inert(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + cell;
        }
        return cell;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        w.write(String.join(",", cells.stream().map(c -> Csv.quote(inert(c))).toList()));
        w.write("\r\n");
    }
}
