package jp.tabiji.app;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows what a long step is doing: a live line on a terminal, a plain log line every few seconds otherwise.
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final Supplier<String> status;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private int lastWidth;

    Progress(PrintStream out, boolean terminal, Supplier<String> status) {
        this.out = out;
        this.terminal = terminal;
        this.status = status;
        timer.scheduleAtFixedRate(this::show, terminal ? 200 : 5000, terminal ? 200 : 5000, TimeUnit.MILLISECONDS);
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    private synchronized void show() {
        String s = status.get();
        if (terminal) {
            out.print("\r" + s + " ".repeat(Math.max(0, lastWidth - s.length())));
            lastWidth = s.length();
        } else {
            out.println(s);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
        }
        out.println(status.get());
    }
}
