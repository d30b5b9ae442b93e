package dev.rustlens.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses the outbound policy refuses, and that its sessions enforce it at connect time. */
class OutboundPolicyTest {

    private static OutboundPolicy policy(Path workDir, String allow) {
        Map<String, String> properties = new HashMap<>(Map.of("rustlens.work-dir", workDir.toString(),
                "rustlens.outbound.read-timeout", "1s", "rustlens.outbound.connect-timeout", "1s"));
        if (allow != null) {
            properties.put("rustlens.outbound.allow", allow);
        }
        return new OutboundPolicy(TestConfig.of(properties));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
        "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
        "169.254.169.254, cloud metadata", "169.254.170.2, cloud metadata", "100.100.100.200, cloud metadata",
        "fd00:ec2::254, cloud metadata", "169.254.1.1, link-local", "fe80::1, link-local",
        "fd12:3456::1, unique-local", "fc00::1, unique-local", "100.64.0.1, carrier-grade NAT",
        "224.0.0.1, multicast", "ff02::1, multicast", "0.0.0.0, unspecified", ":: , unspecified",
        "255.255.255.255, reserved", "240.0.0.1, reserved",
        "::ffff:127.0.0.1, loopback", "::ffff:10.0.0.1, private", "::ffff:169.254.169.254, cloud metadata",
        "64:ff9b::7f00:1, loopback", "64:ff9b::a9fe:a9fe, cloud metadata", "64:ff9b:1::1, local NAT64",
        "2002:7f00:1::1, loopback", "2002:c0a8:101::1, private", "::127.0.0.1, loopback",
        "2001:0:4136:e378::1, Teredo tunnel", "2001:db8::1, documentation", "192.0.2.10, documentation"})
    void refusesInternalAddresses(String address, String kind, @TempDir Path dir) throws IOException {
        assertEquals(Optional.of(kind), policy(dir, null).blockedKind(InetAddress.getByName(address.strip())));
    }

    @ParameterizedTest
    @CsvSource({"140.82.121.4", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::8c52:7904", "2002:8c52:7904::1"})
    void acceptsPublicAddresses(String address, @TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), policy(dir, null).blockedKind(InetAddress.getByName(address)));
    }

    @Test
    void theAllowListLetsItsRangesThroughAndNothingElse(@TempDir Path dir) throws IOException {
        OutboundPolicy policy = policy(dir, "10.20.0.0/16,fd12:3456::/32,192.168.7.7");
        assertEquals(Optional.empty(), policy.blockedKind(InetAddress.getByName("10.20.3.4")));
        assertEquals(Optional.empty(), policy.blockedKind(InetAddress.getByName("::ffff:10.20.3.4")));
        assertEquals(Optional.empty(), policy.blockedKind(InetAddress.getByName("fd12:3456:1::9")));
        assertEquals(Optional.empty(), policy.blockedKind(InetAddress.getByName("192.168.7.7")));
        assertEquals(Optional.of("private"), policy.blockedKind(InetAddress.getByName("10.21.0.1")));
        assertEquals(Optional.of("private"), policy.blockedKind(InetAddress.getByName("192.168.7.8")));
        assertEquals(Optional.of("loopback"), policy.blockedKind(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aBadAllowEntryStopsTheStartNamingIt(@TempDir Path dir) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> policy(dir, "10.0.0.0/33"));
        assertTrue(failure.getMessage().contains("rustlens.outbound.allow: '10.0.0.0/33'"), failure.getMessage());
        failure = assertThrows(IllegalStateException.class, () -> policy(dir, "intranet.example"));
        assertTrue(failure.getMessage().contains("'intranet.example' is not an address range"), failure.getMessage());
    }

    @Test
    void literalHostsAreCheckedBeforeAnythingIsStored(@TempDir Path dir) throws IOException {
        OutboundPolicy policy = policy(dir, null);
        for (String url : new String[] {"https://127.0.0.1/x.git", "https://[::1]:8443/x.git", "https://localhost/x.git",
                "https://git.localhost/x.git", "https://169.254.169.254/latest/meta-data", "https://[::ffff:a00:1]/x",
                "https://10.0.0.1:22/x.git"}) {
            assertThrows(OutboundRefused.class, () -> policy.checkLiteralHost(URI.create(url)), url);
        }
        policy.checkLiteralHost(URI.create("https://github.com/rust-lang/regex.git"));
    }

    @Test
    void aSessionRefusesAtConnectTimeWhatThePolicyRefuses(@TempDir Path dir) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    server.accept().close();
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    // the server closes at the end of the test
                }
            });
            try (OutboundSession session = policy(dir, "127.0.0.2/32").open(Duration.ofMinutes(1), () -> false);
                    Socket socket = new SessionSocketFactory(session, SSLContext.getDefault().getSocketFactory()).createSocket()) {
                assertThrows(OutboundRefused.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort())));
            }
        }
        assertEquals(0, accepted.get(), "no connection reached the server");
    }

    @Test
    void aSessionOverItsBudgetClosesItsSockets(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket client = server.accept()) {
                    while (true) { // a byte every 100 ms: the read timeout never fires
                        client.getOutputStream().write('x');
                        Thread.sleep(100);
                    }
                } catch (IOException e) {
                    // the client went away, as it should
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (OutboundSession session = policy(dir, "127.0.0.0/8").open(Duration.ofMillis(500), () -> false);
                    Socket socket = new SessionSocketFactory(session, SSLContext.getDefault().getSocketFactory()).createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
                InputStream in = socket.getInputStream();
                assertThrows(IOException.class, () -> {
                    while (in.read() >= 0) {
                        // reads until the session closes the socket
                    }
                });
                assertEquals(OutboundSession.Ending.BUDGET_EXCEEDED, session.ending());
            }
        }
    }
}
