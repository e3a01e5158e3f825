package jp.tabiji.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idle TCP connections cannot lock syslog senders out: hundreds held open from many loopback addresses, and a real
 * sender's message still arrives; a connection that sends nothing is closed after the idle timeout.
 */
class SyslogTcpLimitsIT {
    private final BlockingQueue<SyslogMessage> queue = new ArrayBlockingQueue<>(1000);
    private final List<Socket> idle = new ArrayList<>();
    private SyslogServer server;

    private InetSocketAddress start(SyslogServer.TcpLimits limits) throws IOException {
        server = new SyslogServer(queue, 8192, 1000, limits, new AtomicLong());
        server.start(SyslogEndpoint.parseList("tcp://127.0.0.1:0"));
        return new InetSocketAddress("127.0.0.1", server.boundAddresses().get(0).getPort());
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : idle) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRealSenderGetsThroughHundredsOfIdleConnections() throws Exception {
        SyslogServer.TcpLimits limits = SyslogServer.TcpLimits.defaults();
        InetSocketAddress at = start(limits);
        // 600 idle connections from 40 loopback addresses, 15 each: more than the server holds
        for (int i = 0; i < 600; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + i % 40)), 0));
            s.connect(at, 2000);
            idle.add(s);
        }
        waitUntil(() -> server.tcpEvicted() >= 600 - limits.maxConnections(), "the longest idle ones closed");
        assertThat(server.tcpConnections()).isLessThanOrEqualTo(limits.maxConnections());
        // the real sender, from an address that already holds its most idle connections
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.1.1"), 0));
            s.connect(at, 2000);
            idle.add(s);
        }
        try (Socket real = new Socket()) {
            real.bind(new InetSocketAddress(InetAddress.getByName("127.0.1.1"), 0));
            real.connect(at, 2000);
            OutputStream out = real.getOutputStream();
            out.write("<30>Nov  3 10:15:02 ap01 hostapd: wlan0: AP-STA-CONNECTED 02:00:00:00:00:01\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            SyslogMessage m = queue.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("the real sender's message").isNotNull();
            assertThat(m.text()).contains("AP-STA-CONNECTED");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        InetSocketAddress at = start(new SyslogServer.TcpLimits(Duration.ofMillis(500), 512, 16));
        try (Socket s = new Socket()) {
            s.connect(at, 2000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(9));
        }
        waitUntil(() -> server.tcpConnections() == 0, "the closed connection forgotten");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
