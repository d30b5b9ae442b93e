package dev.rustlens.outbound;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Decides where rustlens may connect, for every outbound connection it makes (git fetches now;
 * crate registries, advisory sources and webhooks later). A connection is refused when the
 * address it is about to reach is loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast, unspecified, reserved (broadcast included) or a cloud metadata address, also when such an address hides
 * inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address, unless
 * {@code rustlens.outbound.allow} lists its range. The check runs on the address each socket
 * connects to, so a redirect or a DNS answer that changes between checks (rebinding) cannot get
 * past it. Clients open a {@link OutboundSession} per operation, which also bounds its time.
 */
@ApplicationScoped
public class OutboundPolicy {

    /** How often open sessions are checked against their deadline and stop signal. */
    private static final long WATCH_MILLIS = 200;

    /** Blocked ranges, most specific first so that the message names the best kind. */
    private static final List<Blocked> BLOCKED = List.of(
            blocked("169.254.169.254/32", "cloud metadata"),
            blocked("169.254.170.2/32", "cloud metadata"),
            blocked("100.100.100.200/32", "cloud metadata"),
            blocked("fd00:ec2::254/128", "cloud metadata"),
            blocked("0.0.0.0/8", "unspecified"),
            blocked("10.0.0.0/8", "private"),
            blocked("100.64.0.0/10", "carrier-grade NAT"),
            blocked("127.0.0.0/8", "loopback"),
            blocked("169.254.0.0/16", "link-local"),
            blocked("172.16.0.0/12", "private"),
            blocked("192.0.0.0/24", "reserved"),
            blocked("192.0.2.0/24", "documentation"),
            blocked("192.168.0.0/16", "private"),
            blocked("198.18.0.0/15", "benchmarking"),
            blocked("198.51.100.0/24", "documentation"),
            blocked("203.0.113.0/24", "documentation"),
            blocked("224.0.0.0/4", "multicast"),
            blocked("240.0.0.0/4", "reserved"),
            blocked("::/128", "unspecified"),
            blocked("::1/128", "loopback"),
            blocked("64:ff9b:1::/48", "local NAT64"),
            blocked("100::/64", "discard"),
            blocked("2001::/32", "Teredo tunnel"),
            blocked("2001:db8::/32", "documentation"),
            blocked("fc00::/7", "unique-local"),
            blocked("fe80::/10", "link-local"),
            blocked("fec0::/10", "site-local"),
            blocked("ff00::/8", "multicast"));

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange IPV4_COMPATIBLE = AddressRange.parse("::/96");

    private final List<AddressRange> allowed;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLContext tls;
    private final Set<OutboundSession> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rustlens-outbound-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public OutboundPolicy(RustlensConfig config) {
        RustlensConfig.Outbound outbound = config.outbound();
        this.allowed = outbound.allow().orElse(List.of()).stream().filter(entry -> !entry.isBlank()).map(entry -> {
            try {
                return AddressRange.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("rustlens.outbound.allow: " + e.getMessage(), e);
            }
        }).toList();
        this.connectTimeout = outbound.connectTimeout();
        this.readTimeout = outbound.readTimeout();
        this.tls = TrustedCertificates.context(outbound.trustedCertificates());
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        watchdog.shutdownNow();
        open.forEach(session -> session.abort(OutboundSession.Ending.STOPPED));
    }

    /**
     * Starts an operation of at most {@code budget} that is aborted as soon as {@code stop} says
     * so (cancel, shutdown): its sockets are closed, so a read that waits for a stalled or
     * trickling server ends at once. Close the session when the operation ends.
     */
    public OutboundSession open(Duration budget, BooleanSupplier stop) {
        OutboundSession session = new OutboundSession(this, System.nanoTime() + budget.toNanos(), budget, stop);
        open.add(session);
        return session;
    }

    void closed(OutboundSession session) {
        open.remove(session);
    }

    /**
     * Refuses a URL whose host is an address literal (or {@code localhost}) the policy does not
     * allow, before anything is stored or fetched; names are resolved and checked at connect time.
     */
    public void checkLiteralHost(URI uri) throws OutboundRefused {
        String host = uri.getHost();
        if (host == null) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            check(host, InetAddress.getLoopbackAddress());
        } else if (bare.matches("[0-9A-Fa-f.:]+") && (bare.indexOf(':') >= 0 || bare.matches("[0-9.]+"))) {
            try {
                check(host, InetAddress.getByName(bare)); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new OutboundRefused("'" + host + "' is not a valid address");
            }
        }
    }

    /** Refuses {@code address} (which {@code host} named or resolved to) unless the policy allows it. */
    public void check(String host, InetAddress address) throws OutboundRefused {
        Optional<String> kind = blockedKind(address);
        if (kind.isPresent()) {
            String named = address.getHostAddress().equals(host) || host.equals("[" + address.getHostAddress() + "]")
                    ? host + " is" : host + " resolves to";
            throw new OutboundRefused(named + " a " + kind.get() + " address, which rustlens does not connect to"
                    + " (an admin can allow its range with rustlens.outbound.allow)");
        }
    }

    /** The kind of internal address {@code address} is, or empty when rustlens may connect to it. */
    Optional<String> blockedKind(InetAddress address) {
        if (isAllowed(address)) {
            return Optional.empty();
        }
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return blockedKind(embedded.get());
        }
        for (Blocked blocked : BLOCKED) {
            if (blocked.range().contains(address)) {
                return Optional.of(blocked.kind());
            }
        }
        return Optional.empty();
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] ipv4;
        if (isMapped(bytes) || NAT64.contains(address)
                || IPV4_COMPATIBLE.contains(address) && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            ipv4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        } else if (SIX_TO_FOUR.contains(address)) {
            ipv4 = new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(ipv4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** {@code ::ffff:a.b.c.d}; the JDK usually turns these into IPv4 addresses already. */
    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    SSLContext tls() {
        return tls;
    }

    private void watch() {
        for (OutboundSession session : open) {
            session.abortIfDue();
        }
    }

    private static Blocked blocked(String range, String kind) {
        return new Blocked(AddressRange.parse(range), kind);
    }

    private record Blocked(AddressRange range, String kind) {
    }
}
