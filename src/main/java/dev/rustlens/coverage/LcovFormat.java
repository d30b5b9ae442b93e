package dev.rustlens.coverage;

import dev.rustlens.text.Echo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads LCOV tracefiles ({@code cargo llvm-cov --lcov}, grcov, {@code cargo tarpaulin --out Lcov}):
 * {@code SF:} opens a file's record, {@code DA:line,hits} gives a line's hits, {@code end_of_record}
 * closes it. Function and branch records ({@code FN}, {@code FNDA}, {@code BRDA}, ...) and the
 * summary counts ({@code LF}, {@code LH}) are read past: line hits are what rustlens keeps. A file
 * listed in several records (one per test binary) gets its hits added up, as {@code lcov -a} does.
 */
public final class LcovFormat {

    private static final String NAME = "LCOV";

    private LcovFormat() {
    }

    /** Whether a report's first significant line looks like LCOV rather than XML. */
    static boolean looksLike(String body) {
        String start = body.stripLeading();
        return start.startsWith("TN:") || start.startsWith("SF:");
    }

    /** Parses a whole tracefile; throws {@link MalformedCoverageException} naming the first bad line. */
    public static ParsedCoverage parse(String body) {
        Map<String, SortedMap<Integer, Long>> files = new LinkedHashMap<>();
        SortedMap<Integer, Long> open = null;
        long openedAt = 0;
        long number = 0;
        for (String raw : body.split("\r?\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("end_of_record")) {
                if (open == null) {
                    throw new MalformedCoverageException(NAME, number, "end_of_record without an SF: record open");
                }
                open = null;
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon);
            if (!key.matches("[A-Z][A-Z_]*")) {
                throw new MalformedCoverageException(NAME, number, "not an LCOV record: " + Echo.quoted(line));
            }
            String value = line.substring(colon + 1);
            switch (key) {
                case "SF" -> {
                    if (open != null) {
                        throw new MalformedCoverageException(NAME, number, "SF: before the end_of_record of the"
                                + " record opened on line " + openedAt);
                    }
                    if (value.isBlank()) {
                        throw new MalformedCoverageException(NAME, number, "SF: without a path");
                    }
                    if (value.chars().anyMatch(Character::isISOControl)) {
                        throw new MalformedCoverageException(NAME, number, "the SF: path holds a control character");
                    }
                    open = files.computeIfAbsent(value, path -> new TreeMap<>());
                    openedAt = number;
                }
                case "DA" -> {
                    if (open == null) {
                        throw new MalformedCoverageException(NAME, number, "DA: outside an SF: record");
                    }
                    String[] fields = value.split(",");
                    if (fields.length < 2) {
                        throw new MalformedCoverageException(NAME, number, "DA: needs a line number and a hit count,"
                                + " got " + Echo.quoted(value));
                    }
                    int lineNumber = positive(fields[0], number);
                    open.merge(lineNumber, hits(fields[1], number), LcovFormat::saturatingSum);
                }
                default -> {
                    // TN, VER, FN, FNDA, FNF, FNH, BRDA, BRF, BRH, LF, LH: not kept
                }
            }
        }
        if (open != null) {
            throw new MalformedCoverageException(NAME, number, "the record opened on line " + openedAt
                    + " has no end_of_record");
        }
        if (files.isEmpty()) {
            throw new MalformedCoverageException(NAME, number, "no SF: record in the report");
        }
        List<ParsedCoverage.FileLines> parsed = new ArrayList<>();
        files.forEach((path, hits) -> parsed.add(new ParsedCoverage.FileLines(path, hits)));
        return new ParsedCoverage("lcov", List.of(), parsed);
    }

    /** Hits of one line from several test binaries; a sum past the largest long stays there. */
    private static long saturatingSum(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static int positive(String field, long number) {
        String text = field.strip();
        if (!text.matches("[1-9]\\d{0,8}")) {
            throw new MalformedCoverageException(NAME, number, "a line number must be a whole number from 1, not "
                    + Echo.quoted(field));
        }
        return Integer.parseInt(text);
    }

    private static long hits(String field, long number) {
        String text = field.strip();
        if (!text.matches("\\d{1,18}")) {
            throw new MalformedCoverageException(NAME, number, "a hit count must be a whole number >= 0, not "
                    + Echo.quoted(field));
        }
        return Long.parseLong(text);
    }
}
