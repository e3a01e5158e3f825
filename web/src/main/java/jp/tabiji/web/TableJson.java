package jp.tabiji.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tabiji.analytics.query.ResultTable;

/** A released table as the API's JSON: {@code {"rows": [{column: value}], "columns", ..., "k", "maxError"}}. */
final class TableJson {
    /** What the protection is, in both languages, in every statistics answer. */
    static final String PROTECTION_JA = "個人が特定されないよう、人数・訪問数・移動数には公表ごとに変わらない±%d以内の誤差を加え"
            + "（セルキー法）、%d未満は秘匿しています。";
    static final String PROTECTION_EN = "So that no one can be singled out, counts of people, visits and trips carry a "
            + "fixed error of at most ±%d (the cell-key method) and values under %d are suppressed.";

    private TableJson() {
    }

    /** A suppressed cell is null; a cell not published for the request (a distinct count over a free range) too. */
    static Map<String, Object> body(ResultTable t, Map<String, Object> meta, int cellError) {
        List<Map<String, Object>> rows = new ArrayList<>(t.rows().size());
        int suppressed = 0;
        Set<String> unavailable = new LinkedHashSet<>();
        for (List<Object> row : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                Object v = row.get(i);
                if (v == ResultTable.SUPPRESSED) {
                    suppressed++;
                    v = null;
                } else if (v == ResultTable.UNAVAILABLE) {
                    unavailable.add(t.columns().get(i));
                    v = null;
                }
                m.put(t.columns().get(i), v);
            }
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("columns", t.columns());
        out.putAll(meta);
        out.put("k", t.k());
        out.put("suppressedCells", suppressed);
        if (!t.deviceCountColumns().isEmpty()) {
            // a lattice cell is within ±D; a free range's sum of n released days within ±n·D
            out.put("maxError", t.maxError());
            out.put("protection", Map.of("ja", String.format(PROTECTION_JA, cellError, t.k()),
                    "en", String.format(PROTECTION_EN, cellError, t.k())));
        }
        if (t.provisional()) {
            out.put("provisional", true);
            out.put("provisionalReason", "segments are decided over each pseudonym period and may change until it "
                    + "closes");
        }
        if (!unavailable.isEmpty()) {
            out.put("unavailable", List.copyOf(unavailable));
            out.put("unavailableReason", "distinct counts are published for whole days, ISO weeks and months only");
        }
        return out;
    }
}
