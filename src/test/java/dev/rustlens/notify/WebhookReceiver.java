package dev.rustlens.notify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rustlens.gitrepo.LoopbackGitServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver over HTTPS on 127.0.0.1, for tests only (its certificate is the loopback one
 * the test profile trusts): it records every request and answers the status codes it was given in
 * turn, then 200; or, made {@link #hanging()}, it takes the request and never answers.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(Headers headers, byte[] body, long atNanos) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers;
    private final boolean hangs;
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebhookReceiver(List<Integer> answers, boolean hangs) throws IOException {
        this.answers = new ArrayDeque<>(answers);
        this.hangs = hangs;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(LoopbackGitServer.tls()));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver that answers these status codes to its first requests, then 200 to every other. */
    static WebhookReceiver answering(Integer... statuses) throws IOException {
        return new WebhookReceiver(List.of(statuses), false);
    }

    /** A receiver that reads each request and never answers it, until closed. */
    static WebhookReceiver hanging() throws IOException {
        return new WebhookReceiver(List.of(), true);
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/hooks/rustlens";
    }

    /** The requests received so far. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests being held without an answer now. */
    int held() {
        return held.get();
    }

    /** Waits until {@code count} requests arrived in all, and returns them; fails the test at the deadline. */
    List<Received> await(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver got " + received.size() + " of " + count + " requests within "
                        + within.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders(), body, System.nanoTime()));
            if (hangs) {
                held.incrementAndGet();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
                return;
            }
            Integer next;
            synchronized (answers) {
                next = answers.poll();
            }
            int status = next == null ? 200 : next;
            byte[] answer = (status == 200 ? "thanks" : "receiver trouble " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
