package dev.rustlens.gitrepo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git server over HTTPS on a loopback address, for tests only: it serves a JGit repository with
 * the smart HTTP protocol, or misbehaves on purpose (stalls, trickles a byte at a time, answers
 * something that is not git, redirects, holds requests until released). Its certificate is
 * {@code src/test/resources/tls/loopback.pem}.
 */
public final class LoopbackGitServer implements AutoCloseable {

    /** The PEM file a client must trust to talk to this server. */
    public static final Path CERTIFICATE = Path.of("src/test/resources/tls/loopback.pem").toAbsolutePath();
    private static final Path KEY_STORE = Path.of("src/test/resources/tls/loopback.p12");
    private static final char[] PASSWORD = "rustlens-test".toCharArray();
    /** What a misbehaving server answers: a test asserts that users never see it. */
    public static final String BANNER = "SECRET-BANNER internal-service v9.3 token=abc123";

    /** How the server answers. */
    public enum Mode {
        /** Serves the repository. */
        SERVE,
        /** Accepts the request and never answers. */
        STALL,
        /** Answers one byte at a time, forever. */
        TRICKLE,
        /** Answers 200 with a text that is not git. */
        GARBAGE,
        /** Redirects to {@link #redirectTo}. */
        REDIRECT,
        /** Waits until {@link #release()}, then serves. */
        HOLD
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-git-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Repository repository;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private volatile Mode mode;
    private volatile String redirectTo;

    /** Starts a server on {@code address} (e.g. 127.0.0.1) serving {@code repository} in {@code mode}. */
    public LoopbackGitServer(String address, Repository repository, Mode mode) throws IOException {
        this.repository = repository;
        this.mode = mode;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The https:// URL of the served repository. */
    public String url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/repo.git";
    }

    public void mode(Mode next) {
        mode = next;
    }

    /** Makes {@link Mode#REDIRECT} send clients to {@code base} followed by the path they asked for. */
    public void redirectTo(String base) {
        redirectTo = base;
        mode = Mode.REDIRECT;
    }

    /** Lets held requests go on (and every later one). */
    public void release() {
        released.countDown();
    }

    public int requests() {
        return requests.get();
    }

    /** Waits until the server has received {@code count} requests in all (held ones included). */
    public boolean awaitRequests(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (requests.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits until a client closed a connection the server was still trickling into. */
    public boolean awaitClientGone(long seconds) throws InterruptedException {
        return clientGone.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed.countDown();
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            switch (mode) {
                case SERVE -> serve(exchange);
                case STALL -> awaitQuietly(closed);
                case TRICKLE -> trickle(exchange);
                case GARBAGE -> {
                    byte[] body = (BANNER + "\n").repeat(20).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                case REDIRECT -> {
                    exchange.getResponseHeaders().set("Location", redirectTo + exchange.getRequestURI());
                    exchange.sendResponseHeaders(302, -1);
                }
                case HOLD -> {
                    awaitQuietly(released);
                    serve(exchange);
                }
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        if (path.endsWith("/info/refs")) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            PacketLineOut lines = new PacketLineOut(out);
            lines.writeString("# service=git-upload-pack\n");
            lines.end();
            upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
        } else if (path.endsWith("/git-upload-pack")) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
            exchange.sendResponseHeaders(200, 0);
            upload.upload(body, exchange.getResponseBody(), null);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** A pkt-line announcing 65,520 bytes, then one byte of it every 200 ms until the client leaves. */
    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            out.write("fff4".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (closed.getCount() > 0) {
                out.write('#');
                out.flush();
                if (closed.await(200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException e) {
            clientGone.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The TLS context of a server holding the loopback certificate, for the test servers that speak HTTPS. */
    public static SSLContext tls() {
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
