package dev.rustlens.outbound;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One outbound operation (a fetch, a webhook delivery): its connections pass the policy at connect
 * time, wait at most the policy's connect and read timeouts, and are closed when the operation
 * runs over its budget or is told to stop, whatever state they are in. Only {@code https://} is
 * spoken, directly (never through a proxy, which would resolve names where the policy cannot see).
 */
public final class OutboundSession implements AutoCloseable {

    /** Why a session ended before its operation did. */
    public enum Ending {
        /** The operation ran over its budget. */
        BUDGET_EXCEEDED,
        /** The caller's stop signal (cancel, time limit, shutdown) asked it to stop. */
        STOPPED
    }

    private final OutboundPolicy policy;
    private final long deadlineNanos;
    private final Duration budget;
    private final BooleanSupplier stop;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** One socket factory per session: the JDK reuses kept-alive connections only with the same factory. */
    private final SSLSocketFactory socketFactory;
    private volatile Ending ending;

    OutboundSession(OutboundPolicy policy, long deadlineNanos, Duration budget, BooleanSupplier stop) {
        this.policy = policy;
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
        this.stop = stop;
        this.socketFactory = new SessionSocketFactory(this, policy.tls().getSocketFactory());
    }

    /**
     * An unconnected HTTPS connection to {@code url} that follows no redirects (a client that
     * follows one calls this again with the new URL, which is checked like the first).
     */
    public HttpURLConnection connection(URL url) throws IOException {
        requireHttps(url);
        HttpsURLConnection connection = (HttpsURLConnection) toUri(url).toURL().openConnection(Proxy.NO_PROXY);
        connection.setSSLSocketFactory(socketFactory);
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout((int) policy.connectTimeout().toMillis());
        connection.setReadTimeout((int) policy.readTimeout().toMillis());
        return connection;
    }

    /**
     * {@code url} as a URL whose connections are this session's, for a client that opens
     * connections with {@link URL#openConnection(Proxy)} itself (JGit).
     */
    public URL bind(URL url) throws IOException {
        requireHttps(url);
        return URL.of(toUri(url), new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL target) throws IOException {
                return connection(target);
            }

            @Override
            protected URLConnection openConnection(URL target, Proxy ignored) throws IOException {
                return connection(target);
            }
        });
    }

    /** How the session ended early, or null while it has not. */
    public Ending ending() {
        return ending;
    }

    /** The budget the session was opened with, for messages. */
    public Duration budget() {
        return budget;
    }

    /** Whether the operation must give up: over budget or told to stop. */
    public boolean isAborted() {
        abortIfDue();
        return ending != null;
    }

    @Override
    public void close() {
        policy.closed(this);
        closeSockets();
    }

    void abortIfDue() {
        if (ending != null) {
            return;
        }
        if (stop.getAsBoolean()) {
            abort(Ending.STOPPED);
        } else if (System.nanoTime() - deadlineNanos > 0) {
            abort(Ending.BUDGET_EXCEEDED);
        }
    }

    void abort(Ending why) {
        if (ending == null) {
            ending = why;
        }
        closeSockets();
    }

    private void closeSockets() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that is wanted; a socket that fails to close is gone anyway
            }
        }
        sockets.clear();
    }

    /** Checks where a socket is about to connect, and tracks the socket so that an abort can close it. */
    InetSocketAddress admit(Socket socket, SocketAddress endpoint) throws IOException {
        if (!(endpoint instanceof InetSocketAddress target)) {
            throw new OutboundRefused("rustlens connects only to internet addresses");
        }
        if (isAborted()) {
            throw new OutboundAborted(ending);
        }
        InetAddress address = target.isUnresolved() ? InetAddress.getByName(target.getHostString()) : target.getAddress();
        policy.check(target.getHostString(), address);
        sockets.add(socket);
        if (ending != null) { // aborted between the check and the registration
            socket.close();
            throw new OutboundAborted(ending);
        }
        return new InetSocketAddress(address, target.getPort());
    }

    int connectTimeoutMillis(int asked) {
        int limit = (int) policy.connectTimeout().toMillis();
        return asked <= 0 ? limit : Math.min(asked, limit);
    }

    int readTimeoutMillis(int asked) {
        int limit = (int) policy.readTimeout().toMillis();
        return asked <= 0 ? limit : Math.min(asked, limit);
    }

    private static void requireHttps(URL url) throws OutboundRefused {
        if (!"https".equals(url.getProtocol().toLowerCase(Locale.ROOT))) {
            throw new OutboundRefused("rustlens connects only over https://, not " + url.getProtocol() + "://");
        }
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new OutboundRefused("not a valid URL");
        }
    }

    /** A connection attempted after its session was aborted. */
    public static final class OutboundAborted extends IOException {
        private static final long serialVersionUID = 1L;

        OutboundAborted(Ending ending) {
            super(ending == Ending.STOPPED ? "stopped" : "over its time budget");
        }
    }
}
