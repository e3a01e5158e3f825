package jp.tabiji.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.web.opendata.OpenDataDesk;
import jp.tabiji.web.opendata.OpenDataReleases;

/** HTTP for open data (admins): list the releases, publish a range, download a published file. */
final class OpenDataHandlers {
    private final Optional<OpenDataDesk> desk;

    OpenDataHandlers(Optional<OpenDataDesk> desk) {
        this.desk = desk;
    }

    private OpenDataDesk desk() {
        return desk.orElseThrow(() -> new ApiException(404, "this server publishes no open data"));
    }

    void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = desk().list().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("range", e.range());
            m.put("version", e.version());
            m.put("publishedAt", e.publishedAt());
            m.put("files", e.files());
            return m;
        }).toList();
        ctx.json(Map.of("releases", out));
    }

    void publish(Context ctx, String user) throws IOException {
        LocalDate from = MetricParams.date(ctx.queryParamMap(), "from");
        LocalDate to = MetricParams.date(ctx.queryParamMap(), "to");
        OpenDataDesk.Outcome o;
        try {
            o = desk().publish(user, "api", from, to);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        OpenDataReleases.Published p = o.published();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("range", p.range());
        out.put("version", p.version());
        out.put("created", p.created());
        out.put("noWholeMonth", o.noWholeMonth());
        ctx.status(p.created() ? 201 : 200).json(out);
    }

    void download(Context ctx) throws IOException {
        int version;
        try {
            version = Integer.parseInt(ctx.pathParam("version").replaceFirst("^v", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("version is v1, v2, …");
        }
        String name = ctx.pathParam("file");
        Path f = desk().file(ctx.pathParam("range"), version, name);
        if (f == null) {
            throw new ApiException(404, "no such published file");
        }
        ctx.contentType(name.endsWith(".csv") ? "text/csv; charset=utf-8" : name.endsWith(".json")
                ? "application/json" : "text/markdown; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(Files.readAllBytes(f));
    }
}
