package jp.tabiji.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
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

    /** Why a device count is a bound on people where phones change their private address (docs/SEGMENTS.md). */
    static final String PRIVATE_JA = "private_mac_share は、訪問者のうちプライベート（ランダム）アドレスの端末の割合（10%刻み、公表値から計算）です。"
            + "アドレスを変える端末は1人で複数の端末に数えられるため、複数日の訪問者数はこの割合が0でない分だけ人数の上限となります。";
    static final String PRIVATE_EN = "private_mac_share is the share of the visitors whose device has a private (random) "
            + "address, in 10 % bands made of released values. A phone that changes its address counts as several "
            + "devices, so over more than a day visitors are an upper bound of people where that share is above 0.";
    static final String REPEAT_JA = "アドレスを変える端末は再訪が別の端末に見えるため、リピーター数は人数の下限です。";
    static final String REPEAT_EN = "A phone that changes its private address looks like a new device when it comes "
            + "back, so repeat visitors are a lower bound of people.";

    private TableJson() {
    }

    /** A suppressed cell is null; a cell not published for the request (a distinct count over a free range) too. */
    static Map<String, Object> body(ResultTable t, Map<String, Object> meta, int cellError) {
        int suppressed = 0;
        Set<String> unavailable = new LinkedHashSet<>();
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) == ResultTable.SUPPRESSED) {
                    suppressed++;
                } else if (row.get(i) == ResultTable.UNAVAILABLE) {
                    unavailable.add(t.columns().get(i));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", new Rows(t));
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
        if (t.columns().contains("private_mac_share")) {
            out.put("privateAddresses", Map.of("ja", PRIVATE_JA, "en", PRIVATE_EN));
        } else if (t.columns().contains("repeat_visitors")) {
            out.put("privateAddresses", Map.of("ja", REPEAT_JA, "en", REPEAT_EN));
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

    /**
     * The rows as JSON objects, written straight from the table: a map per row, serialized value by value, took half of
     * a month's flows by language (11,000 rows) on its way out.
     */
    @JsonSerialize(using = RowsWriter.class)
    record Rows(ResultTable table) {
    }

    static final class RowsWriter extends StdSerializer<Rows> {
        RowsWriter() {
            super(Rows.class);
        }

        @Override
        public void serialize(Rows rows, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<String> columns = rows.table().columns();
            gen.writeStartArray();
            for (List<Object> row : rows.table().rows()) {
                gen.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    gen.writeFieldName(columns.get(i));
                    Object v = row.get(i);
                    if (v == ResultTable.SUPPRESSED || v == ResultTable.UNAVAILABLE || v == null) {
                        gen.writeNull();
                    } else if (v instanceof Long n) {
                        gen.writeNumber(n);
                    } else if (v instanceof String text) {
                        gen.writeString(text);
                    } else {
                        provider.defaultSerializeValue(v, gen);
                    }
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
    }
}
