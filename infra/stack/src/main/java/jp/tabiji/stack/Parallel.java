package jp.tabiji.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Starts or stops several servers at once: each spends most of the time waiting for its own process. */
public final class Parallel {
    /** One server's start or stop. */
    @FunctionalInterface
    public interface IoTask {
        void run() throws IOException;
    }

    private Parallel() {
    }

    /** Runs every task at once and waits for all; throws the first failure. */
    public static void run(List<IoTask> tasks) throws IOException {
        List<CompletableFuture<Void>> running = tasks.stream().map(t -> CompletableFuture.runAsync(() -> {
            try {
                t.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }
}
