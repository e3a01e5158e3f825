package jp.tabiji.ingest.live;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 */
public final class SyslogServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogServer.class);
    private static final int MAX_TCP_CONNECTIONS = 512;

    private final BlockingQueue<SyslogMessage> queue;
    private final int maxMessageBytes;
    private final long tcpWaitMs;
    private final AtomicLong dropped;
    private final List<Closeable> listeners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private volatile boolean closing;

    public SyslogServer(BlockingQueue<SyslogMessage> queue, int maxMessageBytes, long tcpWaitMs, AtomicLong dropped) {
        this.queue = queue;
        this.maxMessageBytes = maxMessageBytes;
        this.tcpWaitMs = tcpWaitMs;
        this.dropped = dropped;
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
                if (connections.size() >= MAX_TCP_CONNECTIONS) {
                    LOG.warn("syslog TCP: {} connections open, refusing another", connections.size());
                    s.close();
                    continue;
                }
                connections.add(s);
                Thread t = new Thread(() -> readTcp(s), "syslog-tcp-conn");
                t.setDaemon(true);
                t.start();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.warn("syslog TCP accept failed: {}", e.toString());
            }
        }
    }

    private void readTcp(Socket s) {
        String sender = s.getInetAddress().getHostAddress();
        try (s) {
            SyslogFrameReader frames = new SyslogFrameReader(new BufferedInputStream(s.getInputStream(), 65_536),
                    maxMessageBytes);
            for (SyslogFrameReader.Frame f = frames.next(); f != null; f = frames.next()) {
                String text = stripNewline(decode(f.bytes(), f.bytes().length));
                SyslogMessage m = new SyslogMessage(text, System.currentTimeMillis(), "tcp", sender, f.overLength());
                if (!queue.offer(m, tcpWaitMs, TimeUnit.MILLISECONDS)) {
                    dropped.incrementAndGet();
                }
            }
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
        for (Socket s : connections) {
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
