package dev.rustlens.speed;

import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The floor under a cold scan's time: reads and parses each {@code .rs} file of the corpus once
 * with {@link RustParser} on N threads, and nothing else (no macro inputs, query, outline or
 * checks), as {@link CliBenchmark} runs it with {@code --parse-only}. Usage: {@code ParseFloor
 * [--threads N] CORPUS}.
 */
public final class ParseFloor {

    private static final ParseBudget NO_LIMIT = ParseBudget.of(Duration.ofMinutes(10));

    private ParseFloor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        int threads = args.length == 3 && args[0].equals("--threads") ? Integer.parseInt(args[1]) : 2;
        Path corpus = Path.of(args[args.length - 1]);
        Queue<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = new ConcurrentLinkedQueue<>(walk.filter(path -> path.toString().endsWith(".rs")
                    && Files.isRegularFile(path)).toList());
        }
        int count = files.size();
        AtomicLong chars = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (RustParser parser = new RustParser()) {
                    for (Path file = files.poll(); file != null; file = files.poll()) {
                        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                        chars.addAndGet(text.length());
                        parser.parse(text, NO_LIMIT).ifPresent(SyntaxTree::close);
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("parsing failed", failure.get());
        }
        System.out.printf(Locale.ROOT, "parsed %d files, %d chars, in %.2f s%n", count, chars.get(),
                (System.nanoTime() - start) / 1e9);
    }
}
