package dev.rustlens.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Both report formats read from the reports recorded from smallvec's test run
 * (src/test/resources/coverage/smallvec/README.md), and the errors of bad reports.
 */
@Tag("fast")
class CoverageFormatsTest {

    private static final String ROOT = "/tmp/covrec/smallvec-1.9.0/";

    /** The recorded LCOV tracefile, as llvm-cov export wrote it. */
    static String recordedLcov() {
        try (InputStream in = new GZIPInputStream(resource("smallvec.lcov.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Cobertura report written from it by lcov_to_cobertura.py. */
    static byte[] recordedCobertura() {
        try (InputStream in = resource("smallvec.cobertura.xml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return CoverageFormatsTest.class.getResourceAsStream("/coverage/smallvec/" + name);
    }

    /** Lines hit and lines with data per path, as counted by hand with awk from the DA records. */
    private static Map<String, String> figures(ParsedCoverage report) {
        Map<String, String> figures = new LinkedHashMap<>();
        report.files().forEach(file -> figures.put(file.path(), file.linesHit() + "/" + file.lines()));
        return figures;
    }

    @Test
    void lcovFromLlvmCovGivesEachFilesLinesAsItsDaRecordsSay() {
        ParsedCoverage report = LcovFormat.parse(recordedLcov());
        assertEquals("lcov", report.format());
        assertEquals(Map.of(ROOT + "src/lib.rs", "633/737", ROOT + "src/tests.rs", "636/636",
                ROOT + "tests/macro.rs", "10/10"), figures(report));
        ParsedCoverage.FileLines lib = report.files().get(0);
        // Checked by hand against the tracefile: DA:665,0 (from_buf_and_len's unsafe block), DA:389,2.
        assertEquals(0L, lib.hits().get(665));
        assertEquals(2L, lib.hits().get(389));
        assertEquals(null, lib.hits().get(388));
    }

    @Test
    void coberturaOfTheSameRunGivesTheSameLinesUnderItsSource() {
        ParsedCoverage report = CoberturaFormat.parse(recordedCobertura());
        assertEquals("cobertura", report.format());
        assertEquals(List.of("/tmp/covrec/smallvec-1.9.0"), report.sources());
        assertEquals(Map.of("src/lib.rs", "633/737", "src/tests.rs", "636/636", "tests/macro.rs", "10/10"),
                figures(report));
        ParsedCoverage lcov = LcovFormat.parse(recordedLcov());
        assertEquals(lcov.files().get(0).hits(), report.files().get(0).hits());
    }

    @Test
    void theFormatIsToldFromTheContent() {
        assertTrue(LcovFormat.looksLike(recordedLcov()));
        assertTrue(!LcovFormat.looksLike(new String(recordedCobertura(), StandardCharsets.UTF_8)));
    }

    @Test
    void lcovToleratesFunctionAndBranchRecordsAndAddsUpRepeatedFiles() {
        ParsedCoverage report = LcovFormat.parse("""
                TN:
                SF:src/lib.rs
                FN:3,_RNvCs_f
                FNDA:2,_RNvCs_f
                FNF:1
                FNH:1
                DA:3,2
                DA:4,0
                BRDA:4,0,0,1
                BRF:1
                BRH:1
                LF:2
                LH:1
                end_of_record
                SF:src/lib.rs
                DA:4,5
                end_of_record
                """);
        assertEquals(Map.of("src/lib.rs", "2/2"), figures(report));
        assertEquals(5L, report.files().get(0).hits().get(4));
    }

    @Test
    void malformedLcovNamesTheLine() {
        assertMessage("LCOV report, line 3: a hit count must be a whole number >= 0, not 'x'",
                () -> LcovFormat.parse("SF:a.rs\nDA:1,1\nDA:2,x\nend_of_record\n"));
        assertMessage("LCOV report, line 1: DA: outside an SF: record", () -> LcovFormat.parse("DA:1,1\n"));
        assertMessage("LCOV report, line 2: the record opened on line 1 has no end_of_record",
                () -> LcovFormat.parse("SF:a.rs\nDA:1,1\n"));
        assertMessage("LCOV report, line 2: not an LCOV record: 'hello world'",
                () -> LcovFormat.parse("SF:a.rs\nhello world\nend_of_record\n"));
        assertMessage("LCOV report, line 2: a line number must be a whole number from 1, not '0'",
                () -> LcovFormat.parse("SF:a.rs\nDA:0,1\nend_of_record\n"));
        assertMessage("LCOV report, line 1: no SF: record in the report", () -> LcovFormat.parse("TN:\n"));
        assertMessage("LCOV report, line 2: the SF: path holds a control character",
                () -> LcovFormat.parse("TN:\nSF:src/\0lib.rs\nend_of_record\n"));
    }

    @Test
    void malformedCoberturaNamesTheLine() {
        assertMessage("Cobertura report, line 3: <line hits> must be a whole number >= 0, not '-1'",
                () -> cobertura("""
                        <coverage><packages><package><classes><class filename="a.rs"><lines>
                        <line number="1" hits="1"/>
                        <line number="2" hits="-1"/>
                        </lines></class></classes></package></packages></coverage>"""));
        assertMessage("Cobertura report, line 2: <class> without a filename", () -> cobertura("""
                <coverage><packages><package><classes>
                <class name="x"/></classes></package></packages></coverage>"""));
        Exception broken = assertThrows(MalformedCoverageException.class,
                () -> cobertura("<coverage>\n<sources>\n</coverage>"));
        assertTrue(broken.getMessage().startsWith("Cobertura report, line 3: not well-formed XML"), broken.getMessage());
        assertMessage("Cobertura report, line 1: no <coverage> element: not a Cobertura report",
                () -> cobertura("<report/>"));
    }

    @Test
    void coberturaReadsNoDtdAndNoExternalEntity() {
        Exception external = assertThrows(MalformedCoverageException.class, () -> cobertura("""
                <?xml version="1.0"?>
                <!DOCTYPE coverage [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <coverage><sources><source>&secret;</source></sources></coverage>"""));
        assertTrue(external.getMessage().startsWith("Cobertura report, line 3:"), external.getMessage());
        Exception expanding = assertThrows(MalformedCoverageException.class, () -> cobertura("""
                <?xml version="1.0"?>
                <!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <coverage><sources><source>&b;</source></sources></coverage>"""));
        assertTrue(expanding.getMessage().startsWith("Cobertura report, line 3:"), expanding.getMessage());
    }

    private static ParsedCoverage cobertura(String xml) {
        return CoberturaFormat.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable parse) {
        assertEquals(expected, assertThrows(MalformedCoverageException.class, parse).getMessage());
    }
}
