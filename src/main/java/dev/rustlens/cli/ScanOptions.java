package dev.rustlens.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of {@code rustlens scan}, read from the command line.
 *
 * @param directory the checked-out tree to scan
 * @param sarif where to write SARIF 2.1.0, if anywhere
 * @param json where to write the JSON report, if anywhere
 * @param csv where to write the findings CSV, if anywhere
 * @param gateFile a gate as JSON ({@code {"conditions": [...]}}), if any
 * @param gateFrom the rustlens server to fetch the gate from, if any
 * @param upload the rustlens server to send the results to, which judges them by its gate, if any
 * @param commit with {@code upload}: the commit the results are the scan of
 * @param branch with {@code upload}: the branch the results are the scan of
 * @param committedAt with {@code upload}: when the commit was made; the upload's time when absent
 * @param token the API token for the server (or {@code RUSTLENS_TOKEN})
 * @param repository the repository's id on the server
 * @param baseline an earlier JSON report: findings in it are not new
 * @param coreModules modules where unsafe code is expected, as the repository's settings on the server name them
 * @param threads files analysed in parallel; all cores when absent
 * @param clippy with {@code upload}: cargo's {@code --message-format=json} output to send for the commit
 *     first (docs/diagnostics.md), if any
 */
record ScanOptions(Path directory, Optional<Path> sarif, Optional<Path> json, Optional<Path> csv,
        Optional<Path> gateFile, Optional<URI> gateFrom, Optional<URI> upload, Optional<String> commit,
        Optional<String> branch, Optional<OffsetDateTime> committedAt, Optional<String> token, Optional<Long> repository,
        Optional<Path> baseline, List<String> coreModules, Optional<Integer> threads, Optional<Path> clippy) {

    /** The usage text of {@code rustlens scan}. */
    static final String USAGE = """
            usage: rustlens scan DIR [options]

            Scans the Rust crates under DIR as a rustlens server scans a commit, prints a summary per
            crate, writes the reports asked for, and judges a quality gate when one is given.

            reports:
              --sarif FILE          findings as SARIF 2.1.0 (for GitHub code scanning)
              --json FILE           crates, scores and findings as JSON (docs/cli.md), also a later --baseline
              --csv FILE            findings as CSV, the columns of the server's findings.csv
            quality gate:
              --gate FILE           the gate's conditions as JSON: {"conditions": [...]}, as PUT .../gate takes them
              --gate-from URL       fetch the gate of --repository from the rustlens server at URL
              --repository ID       the repository's id on the server (--gate-from, --upload)
              --token TOKEN         the server's API token (default: the RUSTLENS_TOKEN environment variable)
              --baseline FILE       a JSON report of an earlier scan: its findings are not new
            upload (the server stores the results as a scan and judges them by the repository's gate):
              --upload URL          send the results to the rustlens server at URL (needs --repository, a
                                    maintainer's token, --commit and --branch); no source is sent
              --commit SHA          the commit scanned (40 or 64 hexadecimal digits)
              --branch NAME         the branch it is the scan of
              --committed-at TIME   when it was committed, e.g. 2026-12-01T10:00:00Z (default: now)
              --clippy FILE         cargo clippy --message-format=json output (plain or gzip) to send for
                                    the commit first: its lints become findings of the scan
            analysis:
              --core-modules LIST   modules where unsafe code is expected, comma-separated (e.g. raw::ffi)
              --threads N           files analysed in parallel (default: all cores)
              -h, --help            this text

            exit status: 0 the gate passed (or none was given), 1 the gate failed,
                         2 bad usage or unreadable input
            """;

    private static final List<String> VALUED = List.of("--sarif", "--json", "--csv", "--gate", "--gate-from",
            "--upload", "--commit", "--branch", "--committed-at", "--repository", "--token", "--baseline",
            "--core-modules", "--threads", "--clippy");

    /** Reads the arguments after {@code scan}; {@code environment} supplies RUSTLENS_TOKEN. */
    static ScanOptions parse(List<String> args, Map<String, String> environment) throws UsageError {
        Path directory = null;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (VALUED.contains(arg)) {
                if (i + 1 == args.size()) {
                    throw new UsageError(arg + " needs a value");
                }
                if (values.put(arg, args.get(++i)) != null) {
                    throw new UsageError(arg + " is given twice");
                }
            } else if (arg.startsWith("-")) {
                throw new UsageError("unknown option " + arg);
            } else if (directory != null) {
                throw new UsageError("one directory only, not " + directory + " and " + arg);
            } else {
                directory = Path.of(arg);
            }
        }
        if (directory == null) {
            throw new UsageError("no directory to scan");
        }
        long gates = List.of("--gate", "--gate-from", "--upload").stream().filter(values::containsKey).count();
        if (gates > 1) {
            throw new UsageError("give one gate: --gate FILE, --gate-from URL, or --upload URL (judged by the server)");
        }
        boolean upload = values.containsKey("--upload");
        if ((upload || values.containsKey("--gate-from")) != values.containsKey("--repository")) {
            throw new UsageError("--gate-from URL or --upload URL and --repository ID go together: the server and"
                    + " the repository's id on it");
        }
        if (upload != values.containsKey("--commit") || upload != values.containsKey("--branch")) {
            throw new UsageError("--upload URL needs --commit SHA and --branch NAME, and they need it");
        }
        if (values.containsKey("--committed-at") && !upload) {
            throw new UsageError("--committed-at goes with --upload");
        }
        if (values.containsKey("--clippy") && !upload) {
            throw new UsageError("--clippy goes with --upload: the server merges clippy's lints with the findings");
        }
        if (upload && !values.get("--commit").matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new UsageError("--commit needs a full commit id (40 or 64 hexadecimal digits), not '"
                    + values.get("--commit") + "'");
        }
        Optional<OffsetDateTime> committedAt = values.containsKey("--committed-at")
                ? Optional.of(time(values.get("--committed-at"))) : Optional.empty();
        Optional<Long> repository = values.containsKey("--repository")
                ? Optional.of(positive("--repository", values.get("--repository"))) : Optional.empty();
        Optional<Integer> threads = values.containsKey("--threads")
                ? Optional.of((int) positive("--threads", values.get("--threads"))) : Optional.empty();
        Optional<String> token = Optional.ofNullable(values.get("--token"))
                .or(() -> Optional.ofNullable(environment.get("RUSTLENS_TOKEN")).filter(value -> !value.isBlank()));
        List<String> coreModules = Arrays.stream(values.getOrDefault("--core-modules", "").split(","))
                .map(String::trim).filter(module -> !module.isEmpty()).toList();
        return new ScanOptions(directory, path(values, "--sarif"), path(values, "--json"), path(values, "--csv"),
                path(values, "--gate"), uri(values, "--gate-from"), uri(values, "--upload"),
                Optional.ofNullable(values.get("--commit")), Optional.ofNullable(values.get("--branch")), committedAt,
                token, repository, path(values, "--baseline"), coreModules, threads, path(values, "--clippy"));
    }

    private static Optional<Path> path(Map<String, String> values, String option) {
        return Optional.ofNullable(values.get(option)).map(Path::of);
    }

    private static long positive(String option, String value) throws UsageError {
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new UsageError(option + " needs a positive whole number, not '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static Optional<URI> uri(Map<String, String> values, String option) throws UsageError {
        return values.containsKey(option) ? Optional.of(serverUri(option, values.get(option))) : Optional.empty();
    }

    private static OffsetDateTime time(String value) throws UsageError {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageError("--committed-at needs a time like 2026-12-01T10:00:00Z, not '" + value + "'");
        }
    }

    private static URI serverUri(String option, String value) throws UsageError {
        String wanted = option + " needs an http or https URL, not '" + value + "'";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new UsageError(wanted);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageError(wanted);
        }
        return uri;
    }
}
