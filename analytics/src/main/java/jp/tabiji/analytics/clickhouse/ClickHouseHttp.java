package jp.tabiji.analytics.clickhouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse over its HTTP interface, in the one way that works on 18.16 and on current servers alike
 * (DESIGN.md): no response compression, reads with an explicit FORMAT (TabSeparated here).
 */
public final class ClickHouseHttp {
    /** The read-only user (profile {@code readonly=2}) that serves the API and the dashboard. */
    public static final String READER = "tabiji_reader";

    private final HttpClient http;
    private final String baseUrl;
    private final String database;
    private final String user;
    private final QueryLimits limits;

    public ClickHouseHttp(String baseUrl, String database) {
        this(baseUrl, database, null);
    }

    /** @param user the ClickHouse user to act as (e.g. the read-only {@link #READER}); null for the default one */
    public ClickHouseHttp(String baseUrl, String database, String user) {
        this(baseUrl, database, user, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private ClickHouseHttp(String baseUrl, String database, String user, QueryLimits limits, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.database = database;
        this.user = user;
        this.limits = limits;
        this.http = http;
    }

    /** The same server and user, every query bounded by the limits. */
    public ClickHouseHttp withLimits(QueryLimits queryLimits) {
        return new ClickHouseHttp(baseUrl, database, user, queryLimits, http);
    }

    public String database() {
        return database;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Runs a statement that returns nothing (DDL, INSERT ... SELECT). */
    public void execute(String sql) {
        post(sql, true);
    }

    /** Runs a statement without selecting the database (e.g. CREATE DATABASE). */
    public void executeOnServer(String sql) {
        post(sql, false);
    }

    /** Runs a SELECT and returns its rows, decoded from TabSeparated. */
    public List<String[]> select(String sql) {
        return rows(post(sql + " FORMAT TabSeparated", true));
    }

    /**
     * Runs a SELECT of one String column whose values are rows already in TabSeparated form ({@link #tsvRow}), and
     * returns those rows decoded: stored rows come back without a second escaping and parsing step.
     */
    public List<String[]> selectStoredRows(String sql) {
        return rows(post(sql + " FORMAT TabSeparatedRaw", true));
    }

    /** A row as TabSeparated prints it: each value escaped, joined by tabs. */
    public static String tsvRow(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            if (cells[i] == null) {
                b.append("\\N");
                continue;
            }
            for (char c : cells[i].toCharArray()) {
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static List<String[]> rows(String body) {
        List<String[]> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = unescape(cells[i]);
            }
            rows.add(cells);
        }
        return rows;
    }

    public long selectLong(String sql) {
        List<String[]> rows = select(sql);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0)[0]);
    }

    private String post(String sql, boolean withDatabase) {
        StringBuilder url = new StringBuilder(baseUrl).append("/?");
        if (withDatabase) {
            url.append("database=").append(URLEncoder.encode(database, StandardCharsets.UTF_8)).append('&');
        }
        if (limits != null) {
            url.append(limits.urlParameters());
        }
        if (user != null) {
            url.append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new ClickHouseException("ClickHouse answered " + r.statusCode() + ": " + firstLine(r.body()));
            }
            return r.body();
        } catch (IOException e) {
            throw new ClickHouseException("cannot reach ClickHouse at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("interrupted", e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        if (s.equals("\\N")) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
