package dev.rustlens.bench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every upload format read from the real fixtures, and the errors of bad ones. */
@Tag("fast")
class ParsersTest {

    private static final Comparator<ParsedResult> ORDER = Comparator.comparing(ParsedResult::benchmark)
            .thenComparing(ParsedResult::measure);

    private static List<ParsedResult> sorted(List<ParsedResult> results) {
        return results.stream().sorted(ORDER).toList();
    }

    private static void assertSameResults(List<ParsedResult> expected, List<ParsedResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            ParsedResult e = expected.get(i);
            ParsedResult a = actual.get(i);
            assertEquals(e.benchmark(), a.benchmark());
            assertEquals(e.measure(), a.measure());
            assertEquals(e.value(), a.value(), Math.abs(e.value()) * 1e-12);
            assertEquals(e.lowerValue(), a.lowerValue(), Math.abs(e.lowerValue()) * 1e-12);
            assertEquals(e.upperValue(), a.upperValue(), Math.abs(e.upperValue()) * 1e-12);
        }
    }

    @Test
    void criterionFilesGiveLatencyFromNewAndTheDeclaredThroughput() {
        List<ParsedResult> results = sorted(CriterionFiles.parse(BenchFixtures.criterionFiles()));
        assertEquals(List.of("fibonacci 15/latency", "fnv1a/4k/latency", "fnv1a/4k/throughput-bytes"),
                results.stream().map(r -> r.benchmark() + "/" + r.measure()).toList());
        // The fixture's new/estimates.json, not base/ (an earlier run with other numbers).
        String estimates = BenchFixtures.text("criterion/fnv1a/4k/new/estimates.json");
        double mean = JsonFields.number(JsonFields.parse("f", estimates), "mean.point_estimate", "f");
        assertEquals(mean, results.get(1).value());
        assertEquals(4096 * 1e9 / mean, results.get(2).value(), 1e-6);
        assertTrue(results.get(2).lowerValue() < results.get(2).value());
    }

    @Test
    void eachFormatOfTheSameRunGivesTheSameResults() {
        List<ParsedResult> criterion = sorted(CriterionFiles.parse(BenchFixtures.criterionFiles()));
        assertSameResults(criterion, sorted(CargoCriterionMessages.parse("m", BenchFixtures.text("cargo-criterion.ndjson"))));
        assertSameResults(criterion, sorted(BencherMetricFormat.parse("b", BenchFixtures.text("bmf.json"))));
        CriterionArchive archive = new CriterionArchive(1000, 1 << 20, 1 << 24);
        byte[] tar = BenchFixtures.tarGz("./criterion/", BenchFixtures.criterionFiles(), null);
        assertSameResults(criterion, sorted(CriterionFiles.parse(archive.read(new ByteArrayInputStream(tar)))));
    }

    @Test
    void libtestOutputIsReadInNanosecondsWithItsDeviationAndMegabytesPerSecond() {
        List<ParsedResult> results = LibtestOutput.parse("out", BenchFixtures.text("libtest.txt"));
        assertEquals(3, results.size());
        ParsedResult sort = results.get(0);
        assertEquals("benches::sort_1000", sort.benchmark());
        assertTrue(sort.value() > 0);
        assertEquals(ParsedResult.THROUGHPUT_BYTES, results.get(1).measure());
        ParsedResult line = LibtestOutput.parse("out",
                "test parse_big ... bench:       1,234 ns/iter (+/- 56)\n").getFirst();
        assertEquals(1234, line.value());
        assertEquals(1178, line.lowerValue());
        assertEquals(1290, line.upperValue());
        assertEquals(2.5e6, LibtestOutput.parse("o", "test a ... bench: 2.5 ms/iter (+/- 0)").getFirst().value());
    }

    @Test
    void malformedInputNamesTheFileAndField() {
        Map<String, byte[]> files = new java.util.TreeMap<>(BenchFixtures.criterionFiles());
        files.put("fnv1a/4k/new/estimates.json", "{\"mean\":{\"point_estimate\":\"fast\"}}".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(MalformedResultsException.class, () -> CriterionFiles.parse(files));
        assertEquals("fnv1a/4k/new/estimates.json: field 'mean.point_estimate' must be a finite number", e.getMessage());
        files.remove("fnv1a/4k/new/benchmark.json");
        assertTrue(assertThrows(MalformedResultsException.class, () -> CriterionFiles.parse(files)).getMessage()
                .contains("no 'fnv1a/4k/new/benchmark.json' beside it"));
        assertEquals("b: field 'x.latency.value' must be a finite number", assertThrows(
                MalformedResultsException.class, () -> BencherMetricFormat.parse("b", "{\"x\":{\"latency\":{}}}"))
                .getMessage());
        assertTrue(assertThrows(MalformedResultsException.class,
                () -> LibtestOutput.parse("out", "test a ... bench: lots ns/iter")).getMessage().startsWith("out: line 1"));
        assertTrue(assertThrows(MalformedResultsException.class, () -> CargoCriterionMessages.parse("m",
                "{\"reason\":\"benchmark-complete\",\"id\":\"a\",\"mean\":{\"estimate\":1,\"unit\":\"furlong\"}}"))
                .getMessage().contains("unknown time unit"));
    }

    @Test
    void hostileArchivesAreRefusedOrTheirLinksIgnored() {
        CriterionArchive archive = new CriterionArchive(1000, 1 << 20, 1 << 24);
        byte[] escaping = BenchFixtures.tarGz("../", BenchFixtures.criterionFiles(), null);
        assertTrue(assertThrows(MalformedResultsException.class,
                () -> archive.read(new ByteArrayInputStream(escaping))).getMessage().contains("points outside"));
        byte[] linked = BenchFixtures.tarGz("criterion/", BenchFixtures.criterionFiles(), "/etc/passwd");
        assertEquals(false, archive.read(new ByteArrayInputStream(linked)).containsKey("criterion/evil/new/estimates.json"));
        CriterionArchive tiny = new CriterionArchive(1000, 100, 1 << 24);
        byte[] normal = BenchFixtures.tarGz("criterion/", BenchFixtures.criterionFiles(), null);
        assertTrue(assertThrows(MalformedResultsException.class, () -> tiny.read(new ByteArrayInputStream(normal)))
                .getMessage().contains("larger than 100 bytes"));
        assertThrows(MalformedResultsException.class,
                () -> archive.read(new ByteArrayInputStream("not gzip".getBytes(StandardCharsets.UTF_8))));
    }
}
