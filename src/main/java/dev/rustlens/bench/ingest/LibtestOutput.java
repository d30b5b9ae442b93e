package dev.rustlens.bench.ingest;

import dev.rustlens.text.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads libtest's {@code cargo bench} text: {@code test name ... bench: 1,234 ns/iter (+/- 56)},
 * optionally followed by {@code = 123 MB/s} when the bench set {@code b.bytes}. Other lines
 * (compiler output, summaries) are skipped.
 */
public final class LibtestOutput {

    private static final Pattern BENCH_LINE = Pattern.compile(
            "^test (\\S+)\\s+\\.\\.\\.\\s+bench:\\s+([\\d,.]+) (\\S+)/iter \\(\\+/- ([\\d,.]+)\\)(?:\\s*=\\s*([\\d,.]+) MB/s)?\\s*$");

    private LibtestOutput() {
    }

    /** The latency (and MB/s throughput, when printed) of each bench line in {@code text}. */
    public static List<ParsedResult> parse(String file, String text) {
        List<ParsedResult> results = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("test ") || !line.contains(" bench:")) {
                continue;
            }
            Matcher match = BENCH_LINE.matcher(line);
            if (!match.matches()) {
                throw new MalformedResultsException(file, "line " + (i + 1) + " is not a libtest bench result: " + Echo.quoted(line));
            }
            String name = match.group(1);
            double scale = TimeUnits.nanosPer(match.group(3), file);
            double value = number(match.group(2), file, i) * scale;
            double deviation = number(match.group(4), file, i) * scale;
            results.add(new ParsedResult(name, ParsedResult.LATENCY, value, Math.max(0, value - deviation),
                    value + deviation));
            if (match.group(5) != null) {
                // libtest prints MB/s with MB = 10^6 bytes.
                results.add(new ParsedResult(name, ParsedResult.THROUGHPUT_BYTES, number(match.group(5), file, i) * 1e6,
                        null, null));
            }
        }
        if (results.isEmpty()) {
            throw new MalformedResultsException(file, "no \"test <name> ... bench: <n> ns/iter (+/- <d>)\" line found");
        }
        return results;
    }

    private static double number(String digits, String file, int lineIndex) {
        try {
            return Double.parseDouble(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new MalformedResultsException(file, "line " + (lineIndex + 1) + ": " + Echo.quoted(digits) + " is not a number");
        }
    }
}
