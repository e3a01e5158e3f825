package jp.tabiji.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * chdb behind the part of ClickHouse's HTTP interface the project uses, so that its own unchanged clients (the
 * migrator, the catalogue's {@code ClickHouseHttp}, the job's RowBinary inserter) talk to ClickHouse 26.x: the
 * statement in the body, or in {@code query=} with the body as its data; {@code database=}; {@code /ping}; errors
 * as status 500 with ClickHouse's message. Users, {@code readonly} and per-request limits are not emulated (there
 * are no users in chdb): the 18.16 server's tests keep covering those.
 */
final class ChdbHttpServer implements AutoCloseable {
    private final Chdb chdb;
    private final HttpServer http;
    private String database;

    ChdbHttpServer(Chdb chdb, int port) throws IOException {
        this.chdb = chdb;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/", this::handle);
        http.start();
    }

    /**
     * Runs as its own process, started by {@link CurrentClickHouse}: {@code LIBRARY DATA PORT [SETTING=VALUE ...]}.
     * chdb stays out of the test's JVM so that a native fault cannot take the test run with it.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Chdb chdb = new Chdb(Path.of(args[0]), Path.of(args[1]), settings);
        ChdbHttpServer server = new ChdbHttpServer(chdb, Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            chdb.close();
        }));
        System.out.println("chdb " + chdb.query("SELECT version()").trim() + " on port " + args[2]);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/ping")) {
                reply(exchange, 200, "Ok.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = params.get("query");
            Path data = null;
            try {
                byte[] statement;
                int format = query == null ? -1 : query.indexOf(" FORMAT ");
                if (format > 0 && body.length > 0) {
                    // data inline after the statement is cut at the first empty line (bytes 0x0A 0x0A, common in
                    // RowBinary): an INSERT's data goes through a file instead
                    data = Files.createTempFile("chdb-insert", ".bin");
                    Files.write(data, body);
                    statement = (query.substring(0, format) + " FROM INFILE '" + data + "'" + query.substring(format))
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    if (query != null) {
                        text.writeBytes(query.getBytes(StandardCharsets.UTF_8));
                        text.write('\n');
                    }
                    text.writeBytes(body);
                    statement = text.toByteArray();
                }
                reply(exchange, 200, run(params.get("database"), statement));
            } catch (Chdb.QueryException e) {
                reply(exchange, 500, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            } finally {
                if (data != null) {
                    Files.deleteIfExists(data);
                }
            }
        }
    }

    /** One statement in the request's database; chdb's connection is shared, so the two go together. */
    private byte[] run(String requestDatabase, byte[] statement) {
        synchronized (chdb) {
            String wanted = requestDatabase == null ? "default" : requestDatabase;
            if (!wanted.equals(database)) {
                chdb.query("USE `" + wanted.replace("`", "") + "`");
                database = wanted;
            }
            return chdb.query(statement);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
