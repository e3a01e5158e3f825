package jp.tabiji.web.opendata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.tabiji.ingest.registry.Csv;
import jp.tabiji.web.report.CsvExport;

/**
 * One open-data CSV as the recommended datasets write it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting, a text a spreadsheet would run as a formula made inert.
 */
final class CsvFile {
    private final StringBuilder text = new StringBuilder("\uFEFF");
    private final int width;

    CsvFile(List<String> header) {
        width = header.size();
        row(header);
    }

    CsvFile row(List<String> cells) {
        if (cells.size() != width) {
            throw new IllegalStateException("a row of " + cells.size() + " cells under a header of " + width);
        }
        text.append(String.join(",", cells.stream().map(c -> Csv.quote(CsvExport.inert(c == null ? "" : c))).toList()))
                .append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
