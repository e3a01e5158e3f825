package jp.tabiji.analytics.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.tabiji.analytics.query.ResultTable;

/**
 * Renders a {@link ResultTable}: CSV and JSON keep the contract's columns exactly; the table is for people,
 * with site names beside ids and columns aligned by display width (CJK characters are two columns wide).
 */
public final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> siteName;

    /** @param siteName the display name of a site id ("仙台駅 Sendai Station"), or null when unknown */
    public ResultWriter(Function<String, String> siteName) {
        this.siteName = siteName;
    }

    public String render(ResultTable t, OutputFormat format) {
        return switch (format) {
            case CSV -> csv(t);
            case JSON -> json(t);
            case TABLE -> table(t);
        };
    }

    /** A hidden count reads "<k"; anything else hidden (a private-address band, a percentile) is left blank. */
    private static String cell(ResultTable t, int column, Object v) {
        if (v == ResultTable.SUPPRESSED) {
            return t.deviceCountColumns().contains(t.columns().get(column)) ? "<" + t.k() : "";
        }
        return v == null ? "" : v.toString();
    }

    static String csv(ResultTable t) {
        StringBuilder sb = new StringBuilder(String.join(",", t.columns())).append('\n');
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(quote(cell(t, i, row.get(i))));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String json(ResultTable t) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : t.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < t.columns().size(); i++) {
                Object v = row.get(i);
                String name = t.columns().get(i);
                if (v == ResultTable.SUPPRESSED || v == null) {
                    o.putNull(name);
                } else if (v instanceof Long n) {
                    o.put(name, n);
                } else {
                    o.put(name, v.toString());
                }
            }
        }
        root.put("k", t.k());
        return root.toString() + "\n";
    }

    private String table(ResultTable t) {
        List<String> header = new ArrayList<>(t.columns());
        int siteCol = t.columns().indexOf("site_id");
        if (siteCol >= 0) {
            header.add(siteCol + 1, "site");
        }
        List<List<String>> lines = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(t, i, row.get(i)));
            }
            if (siteCol >= 0) {
                String name = siteName.apply((String) row.get(siteCol));
                cells.add(siteCol + 1, name == null ? "" : name);
            }
            lines.add(cells);
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = displayWidth(header.get(i));
            for (List<String> l : lines) {
                width[i] = Math.max(width[i], displayWidth(l.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        appendLine(sb, rule, width);
        lines.forEach(l -> appendLine(sb, l, width));
        if (t.rows().isEmpty()) {
            sb.append("(no rows)\n");
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - displayWidth(c));
            boolean numeric = i == cells.size() - 1; // counts are right-aligned
            sb.append(numeric ? pad + c : c + pad);
            sb.append(i == cells.size() - 1 ? "\n" : "  ");
        }
    }

    /** Terminal columns a string takes: East Asian wide and full-width characters take two. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
