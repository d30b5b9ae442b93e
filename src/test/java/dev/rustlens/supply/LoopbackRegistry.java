package dev.rustlens.supply;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rustlens.gitrepo.LoopbackGitServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A crate registry's download server over HTTPS on 127.0.0.1, for tests only (its certificate is
 * the loopback one the test settings trust): it serves the {@code .crate} archives it was given at
 * {@code /crates/<name>/<name>-<version>.crate}, answers 404 for any other, and never answers the
 * paths it was told to stall on.
 */
final class LoopbackRegistry implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-registry");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, byte[]> crates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stalled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    LoopbackRegistry() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(LoopbackGitServer.tls()));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The {@code registry:} source for {@code rustlens.dependencies.sources}. */
    String source() {
        return "registry:https://127.0.0.1:" + server.getAddress().getPort() + "/crates/{name}/{name}-{version}.crate";
    }

    /** Serves {@code archive} as {@code name} {@code version}. */
    void serve(String name, String version, byte[] archive) {
        crates.put(path(name, version), archive);
    }

    /** Takes requests for {@code name} {@code version} and never answers them. */
    void stall(String name, String version) {
        stalled.put(path(name, version), true);
    }

    /** The requests for {@code name} {@code version} so far. */
    int requests(String name, String version) {
        return requests.getOrDefault(path(name, version), new AtomicInteger()).get();
    }

    private static String path(String name, String version) {
        return "/crates/" + name + "/" + name + "-" + version + ".crate";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            if (stalled.containsKey(path)) {
                try {
                    closed.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] body = crates.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A {@code .crate} as {@code cargo package} writes it: the files of {@code directory} in {@code <name>-<version>/}. */
    static byte[] crateOf(Path directory, String name, String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
                Stream<Path> files = Files.walk(directory)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                entry(tar, name + "-" + version + "/" + relative, Files.readAllBytes(file));
            }
        }
        return bytes.toByteArray();
    }

    /** A gzipped tar of these entries, names as given (hostile ones included). */
    static byte[] archiveOf(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> entry : entries) {
                entry(tar, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
