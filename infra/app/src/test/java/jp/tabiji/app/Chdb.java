package jp.tabiji.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * ClickHouse 26.x in a JVM (the one {@link CurrentClickHouse} starts): chdb's C library ({@code libchdb.so} from npm's {@code @chdb/lib-linux-x64-gnu},
 * fetched by {@code ./tabiji test}) through JNA. chdb allows one connection per process, so there is one instance,
 * and it serializes its queries. The writing profile's settings of the project's servers are set on the
 * connection, where a server would read them from its profile.
 */
final class Chdb implements AutoCloseable {
    /** Where {@code ./tabiji test} puts the library; TABIJI_CHDB_LIB overrides it. */
    static final String LIB_ENV = "TABIJI_CHDB_LIB";

    /** The functions of chdb.h that a query needs (chdb 3.x's connection API; size_t is 64 bits here). */
    interface Api extends Library {
        Pointer chdb_connect(int argc, String[] argv);

        void chdb_set_signal_handlers_enabled(int enabled);

        void chdb_close_conn(Pointer connection);

        Pointer chdb_query_n(Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

        Pointer chdb_result_buffer(Pointer result);

        long chdb_result_length(Pointer result);

        String chdb_result_error(Pointer result);

        void chdb_destroy_query_result(Pointer result);
    }

    /** A statement that ClickHouse refused, with its own message ("Code: 62. DB::Exception: ..."). */
    static final class QueryException extends RuntimeException {
        QueryException(String message) {
            super(message);
        }
    }

    private static final byte[] DEFAULT_FORMAT = "TabSeparated".getBytes(StandardCharsets.US_ASCII);
    private final Api api;
    private final Pointer handle;
    private final Pointer connection;

    /** Opens chdb on its own data folder and applies {@code settings} to the connection. */
    Chdb(Path library, Path data, Map<String, String> settings) {
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException("no chdb library at " + library + ": ./tabiji test fetches it, or set "
                    + LIB_ENV);
        }
        this.api = Native.load(library.toAbsolutePath().toString(), Api.class);
        // chdb would otherwise install its crash handlers again on every query; under libjsig (see
        // CurrentClickHouse) the reset to SIG_DFL that this call also makes leaves the JVM's handlers in place
        api.chdb_set_signal_handlers_enabled(0);
        this.handle = api.chdb_connect(2, new String[] {"clickhouse", "--path=" + data.toAbsolutePath()});
        if (handle == null || handle.getPointer(0) == null) {
            throw new IllegalStateException("chdb did not connect on " + data);
        }
        this.connection = handle.getPointer(0);
        settings.forEach((name, value) -> query("SET " + name + " = " + value));
    }

    /** The library {@code ./tabiji test} installed (or TABIJI_CHDB_LIB). */
    static Path installedLibrary() {
        String env = System.getenv(LIB_ENV);
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "tabiji", "chdb",
                "libchdb.so");
    }

    /** Runs one statement (the whole byte array, however long) and returns its output. */
    synchronized byte[] query(byte[] statement) {
        Pointer result = api.chdb_query_n(connection, statement, statement.length, DEFAULT_FORMAT,
                DEFAULT_FORMAT.length);
        try {
            String error = api.chdb_result_error(result);
            if (error != null) {
                throw new QueryException(error);
            }
            long length = api.chdb_result_length(result);
            return length == 0 ? new byte[0] : api.chdb_result_buffer(result).getByteArray(0, (int) length);
        } finally {
            api.chdb_destroy_query_result(result);
        }
    }

    String query(String statement) {
        return new String(query(statement.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        api.chdb_close_conn(handle);
    }
}
