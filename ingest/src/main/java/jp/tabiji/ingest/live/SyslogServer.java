package jp.tabiji.ingest.live;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog over UDP and TCP (RFC 6587 framing) into a bounded queue. UDP cannot push back, so when the
 * queue is full a datagram is dropped and counted; a TCP reader waits up to {@code tcpWaitMs} for room (the
 * sender's socket fills meanwhile, which slows it down) and then drops and counts.
 *
 * <p>A sender on the AP network can open connections and send nothing: each connection closes after
 * {@link TcpLimits#idleTimeout()} without a byte, and when a source, or the server, holds its most connections, the
 * one idle longest (of that source, or of all) is closed to make room, so a real sender always gets in.
 */
public final class SyslogServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogServer.class);

    /** What TCP senders may hold open. */
    public record TcpLimits(Duration idleTimeout, int maxConnections, int maxPerSource) {
        public static TcpLimits defaults() {
            // an AP or controller keeps one or two connections; a quiet one reconnects when it next has something
            return new TcpLimits(Duration.ofMinutes(10), 512, 16);
        }
    }

    private final BlockingQueue<SyslogMessage> queue;
    private final int maxMessageBytes;
    private final long tcpWaitMs;
    private final TcpLimits limits;
    private final AtomicLong dropped;
    private final AtomicLong evicted = new AtomicLong();
    private final List<Closeable> listeners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Socket, TcpConnection> connections = new ConcurrentHashMap<>();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private volatile boolean closing;

    public SyslogServer(BlockingQueue<SyslogMessage> queue, int maxMessageBytes, long tcpWaitMs, AtomicLong dropped) {
        this(queue, maxMessageBytes, tcpWaitMs, TcpLimits.defaults(), dropped);
    }

    public SyslogServer(BlockingQueue<SyslogMessage> queue, int maxMessageBytes, long tcpWaitMs, TcpLimits limits,
                        AtomicLong dropped) {
        this.queue = queue;
        this.maxMessageBytes = maxMessageBytes;
        this.tcpWaitMs = tcpWaitMs;
        this.limits = limits;
        this.dropped = dropped;
    }

    /** TCP connections open now. */
    public int tcpConnections() {
        return connections.size();
    }

    /** TCP connections closed to make room for another. */
    public long tcpEvicted() {
        return evicted.get();
    }

    /** Binds every endpoint (port 0 picks a free one; see {@link #boundAddresses()}) and starts receiving. */
    public void start(List<SyslogEndpoint> endpoints) throws IOException {
        for (SyslogEndpoint e : endpoints) {
            InetSocketAddress addr = new InetSocketAddress(e.host(), e.port());
            if (e.transport() == SyslogEndpoint.Transport.UDP) {
                DatagramChannel ch = DatagramChannel.open();
                ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
                ch.bind(addr);
                listeners.add(ch);
                bound.add((InetSocketAddress) ch.getLocalAddress());
                spawn("syslog-udp-" + e.port(), () -> receiveUdp(ch));
            } else {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(addr, 128);
                listeners.add(ss);
                bound.add((InetSocketAddress) ss.getLocalSocketAddress());
                spawn("syslog-tcp-" + e.port(), () -> acceptTcp(ss));
            }
        }
    }

    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    private void spawn(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void receiveUdp(DatagramChannel ch) {
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        while (!closing) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                buf.flip();
                int len = Math.min(buf.remaining(), maxMessageBytes);
                String text = decode(buf.array(), len);
                SyslogMessage m = new SyslogMessage(stripNewline(text), System.currentTimeMillis(), "udp",
                        from.getAddress().getHostAddress(), buf.remaining() > maxMessageBytes);
                if (!queue.offer(m)) {
                    dropped.incrementAndGet();
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("syslog UDP receive failed: {}", e.toString());
            }
        }
    }

    private void acceptTcp(ServerSocket ss) {
        while (!closing) {
            try {
                Socket s = ss.accept();
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()));
                TcpConnection c = new TcpConnection(s.getInetAddress().getHostAddress(), System.nanoTime());
                makeRoomFor(c.source());
                connections.put(s, c);
                Thread t = new Thread(() -> readTcp(s, c), "syslog-tcp-conn");
                t.setDaemon(true);
                t.start();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.warn("syslog TCP accept failed: {}", e.toString());
            }
        }
    }

    /** Closes the longest-idle connection of the source when it holds its most, else of all when the server does. */
    private void makeRoomFor(String source) {
        long ofSource = connections.values().stream().filter(c -> c.source().equals(source)).count();
        boolean sourceFull = ofSource >= limits.maxPerSource();
        if (!sourceFull && connections.size() < limits.maxConnections()) {
            return;
        }
        connections.entrySet().stream().filter(e -> !sourceFull || e.getValue().source().equals(source))
                .min(Comparator.comparingLong(e -> e.getValue().lastRead())).ifPresent(e -> {
                    connections.remove(e.getKey());
                    try {
                        e.getKey().close();
                    } catch (IOException ignored) {
                        // closing is all we wanted
                    }
                    long n = evicted.incrementAndGet();
                    if (n == 1 || n % 1000 == 0) {
                        LOG.warn("syslog TCP: {} idle connections closed to make room (the latest from {}, {})", n,
                                e.getValue().source(), sourceFull ? "its source held " + limits.maxPerSource()
                                        : "the server held " + limits.maxConnections());
                    }
                });
    }

    private void readTcp(Socket s, TcpConnection c) {
        String sender = c.source();
        try (s) {
            SyslogFrameReader frames = new SyslogFrameReader(new BufferedInputStream(
                    new TcpConnection.Reading(s.getInputStream(), c), 65_536), maxMessageBytes);
            for (SyslogFrameReader.Frame f = frames.next(); f != null; f = frames.next()) {
                String text = stripNewline(decode(f.bytes(), f.bytes().length));
                SyslogMessage m = new SyslogMessage(text, System.currentTimeMillis(), "tcp", sender, f.overLength());
                if (!queue.offer(m, tcpWaitMs, TimeUnit.MILLISECONDS)) {
                    dropped.incrementAndGet();
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("syslog TCP connection from {} closed after {} without a byte", sender, limits.idleTimeout());
        } catch (IOException e) {
            if (!closing) {
                LOG.debug("syslog TCP connection from {} ended: {}", sender, e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(s);
        }
    }

    /** UTF-8, with invalid sequences as U+FFFD (String's own rule), which the parsers reject by name. */
    private static String decode(byte[] bytes, int len) {
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    private static String stripNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Stops accepting. Open TCP connections get a grace period to send what they have and close; then they are
     * cut, and what was read before is kept.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        for (Closeable c : listeners) {
            c.close();
        }
        long deadline = System.currentTimeMillis() + 3000;
        while (!connections.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Socket s : connections.keySet()) {
            s.shutdownInput();
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
