package jp.tabiji.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void noPortIsHandedOutTwiceAndNoneComesFromTheRangeOfOutgoingConnections() throws IOException {
        int ephemeralLow = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"),
                StandardCharsets.UTF_8).trim().split("\\s+")[0]);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = FreePorts.find();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            if (ephemeralLow - 20_000 >= 2_000) {
                assertThat(port).isBetween(20_000, ephemeralLow - 1);
            }
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotFreeAndIsFreeAgainOnceClosed() throws IOException {
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = held.getLocalPort();
            assertThat(FreePorts.isListening("127.0.0.1", port)).isTrue();
            assertThat(FreePorts.bindable(port)).isFalse();
        }
        assertThat(FreePorts.bindable(port)).isTrue();
    }
}
