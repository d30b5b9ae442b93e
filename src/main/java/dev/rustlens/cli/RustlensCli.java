package dev.rustlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.finding.FindingCsv;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.finding.SarifExport;
import dev.rustlens.gate.GateCondition;
import dev.rustlens.scan.ScanUpload;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command-line scanner, {@code rustlens scan DIR}: the server's analysis and scoring on a
 * checked-out tree, with no server and no database (docs/cli.md). Its exit status is the gate's.
 */
public final class RustlensCli {

    /** The gate passed, or none was given. */
    static final int EXIT_PASSED = 0;
    /** The gate failed. */
    static final int EXIT_GATE_FAILED = 1;
    /** Bad usage or unreadable input: nothing was judged. */
    static final int EXIT_USAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RustlensCli() {
    }

    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs a command; returns the exit status. Nothing but a one-line message reaches {@code err}. */
    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> help = List.of("-h", "--help");
        if (!args.isEmpty() && (help.contains(args.getFirst())
                || "scan".equals(args.getFirst()) && args.stream().anyMatch(help::contains))) {
            out.print(ScanOptions.USAGE);
            return EXIT_PASSED;
        }
        if (args.isEmpty() || !"scan".equals(args.getFirst())) {
            err.println("rustlens: say what to do: rustlens scan DIR (rustlens scan --help)");
            return EXIT_USAGE;
        }
        List<String> scanArgs = args.subList(1, args.size());
        try {
            return scan(ScanOptions.parse(scanArgs, environment), out);
        } catch (UsageError e) {
            err.println("rustlens: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("rustlens: cannot read the tree: " + ScanReport.oneLine(e));
            return EXIT_USAGE;
        } catch (RuntimeException | Error e) {
            // A bug, a broken installation or too small a heap, not the input's fault; still one
            // line for a CI log rather than a stack trace.
            err.println("rustlens: internal error: " + e);
            return EXIT_USAGE;
        }
    }

    private static int scan(ScanOptions options, PrintStream out) throws UsageError, IOException {
        AnalyzerSettings settings = AnalyzerSettings.defaults();
        if (options.threads().isPresent()) {
            settings = settings.withThreads(options.threads().get());
        }
        try (CheckCatalogue catalogue = CheckCatalogue.load()) {
            // The gate and the baseline are read first: a typo in them fails at once, not after the analysis.
            Set<String> checkIds = catalogue.checks().stream().map(Check::id).collect(Collectors.toSet());
            Optional<List<GateCondition>> gate = gate(options, checkIds);
            Optional<ScanReport.Baseline> baseline = options.baseline().isPresent()
                    ? Optional.of(ScanReport.readBaseline(options.baseline().get())) : Optional.empty();
            DirectoryScan scan = DirectoryScan.of(options.directory(), options.coreModules(), catalogue, settings);
            ScanReport report = ScanReport.of(scan, baseline.map(ScanReport.Baseline::fingerprints).orElse(Set.of()));
            ConsoleOutput.summary(report, out);
            if (options.json().isPresent()) {
                write(options.json().get(), report::write);
            }
            if (options.csv().isPresent()) {
                write(options.csv().get(), file -> writeCsv(file, report.findings()));
            }
            if (options.sarif().isPresent()) {
                write(options.sarif().get(), file -> writeSarif(file, scan.checks(), report.findings()));
            }
            if (options.upload().isPresent()) {
                return upload(options, scan, out);
            }
            if (gate.isEmpty()) {
                return EXIT_PASSED;
            }
            LocalGate.Verdict verdict = LocalGate.judge(gate.get(), report, baseline);
            ConsoleOutput.verdict(verdict, gateSource(options), out);
            return verdict.passed() ? EXIT_PASSED : EXIT_GATE_FAILED;
        }
    }

    private static Optional<List<GateCondition>> gate(ScanOptions options, Set<String> checkIds) throws UsageError {
        if (options.gateFile().isPresent()) {
            return Optional.of(GateSource.fromFile(options.gateFile().get(), checkIds));
        }
        if (options.gateFrom().isPresent()) {
            return Optional.of(GateSource.fromServer(new ServerClient(options.gateFrom().get(), options.token()),
                    options.repository().orElseThrow(), checkIds));
        }
        return Optional.empty();
    }

    private static String gateSource(ScanOptions options) {
        return options.gateFile().map(file -> "from " + file).orElseGet(() -> "of repository "
                + options.repository().orElseThrow() + " on " + options.gateFrom().orElseThrow());
    }

    /** Sends the results to the server, prints its verdict, and returns the exit status it gives. */
    private static int upload(ScanOptions options, DirectoryScan scan, PrintStream out) throws UsageError {
        ServerClient server = new ServerClient(options.upload().orElseThrow(), options.token());
        long repository = options.repository().orElseThrow();
        if (options.clippy().isPresent()) {
            sendClippy(server, repository, options.commit().orElseThrow(), options.clippy().get(), out);
        }
        UploadedVerdict verdict = UploadedVerdict.send(server, repository, ScanUpload.of(options.commit().orElseThrow(),
                options.branch().orElseThrow(), options.committedAt().orElse(null), scan.analyzerVersion(),
                options.coreModules(), scan.files(), scan.problems(),
                scan.crates().stream().map(DirectoryScan.ScannedCrate::stored).toList()));
        out.printf("uploaded as scan %d of commit %s on branch %s: %s%n", verdict.status().scanId(),
                verdict.status().commit(), verdict.status().branch(), server.resolve("/api/v1/scans/"
                        + verdict.status().scanId()));
        ConsoleOutput.verdict(verdict.judged(), "of repository " + repository + " on " + options.upload().get(), out);
        return verdict.judged().passed() ? EXIT_PASSED : EXIT_GATE_FAILED;
    }

    /**
     * Sends cargo's diagnostics for the commit before its scan, so that the scan is stored and
     * judged with them (docs/diagnostics.md), and prints what the server kept.
     */
    private static void sendClippy(ServerClient server, long repository, String commit, Path file, PrintStream out)
            throws UsageError {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + ScanReport.oneLine(e));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(server.post("/api/v1/repositories/" + repository
                    + "/diagnostics?commit=" + commit, body, "application/x-ndjson"));
        } catch (IOException e) {
            throw new UsageError("the server's answer to the diagnostics upload does not read: " + ScanReport.oneLine(e));
        }
        out.printf("clippy: %d diagnostics kept for commit %s (%d messages skipped, %d outside the workspace)%n",
                answer.path("diagnostics").asInt(), commit, answer.path("skipped").asInt(),
                answer.path("outsideWorkspace").path("count").asInt());
    }

    /** Writes one output file. */
    @FunctionalInterface
    private interface Output {
        void write(Path file) throws IOException;
    }

    private static void write(Path file, Output output) throws UsageError {
        try {
            output.write(file);
        } catch (IOException e) {
            throw new UsageError("cannot write " + file + ": " + ScanReport.oneLine(e));
        }
    }

    private static void writeCsv(Path file, List<FindingRow> findings) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(FindingCsv.HEADER);
            for (FindingRow finding : findings) {
                writer.write(FindingCsv.row(finding));
            }
        }
    }

    private static void writeSarif(Path file, List<Check> checks, List<FindingRow> findings) throws IOException {
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file));
                SarifExport sarif = new SarifExport(output, checks.stream().map(Check::info).toList(), null, null)) {
            for (FindingRow finding : findings) {
                sarif.result(finding);
            }
        }
    }
}
