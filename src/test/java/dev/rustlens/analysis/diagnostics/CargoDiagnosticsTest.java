package dev.rustlens.analysis.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustlens.analysis.check.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading real clippy streams recorded from the corpus crate memchr (src/test/resources/diagnostics/README.md). */
@Tag("fast")
class CargoDiagnosticsTest {

    static final String MEMCHR = "/diagnostics/memchr-2.5.0-clippy.jsonl.gz";
    static final String MEMCHR_USER = "/diagnostics/memchr-user-clippy.jsonl.gz";
    /** A crate with a lint in its library, its unit tests, an integration test and an example: {@code --all-targets}. */
    private static final String TARGET_KINDS = "/diagnostics/target-kinds-clippy.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recorded stream, uncompressed. */
    static String recorded(String resource) {
        try (InputStream gzip = CargoDiagnosticsTest.class.getResourceAsStream(resource)) {
            return new String(new GZIPInputStream(gzip).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CargoDiagnostics.Parsed read(String stream, String root) {
        try {
            return CargoDiagnostics.read(new StringReader(stream), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(String stream) {
        return assertThrows(MalformedDiagnosticsException.class, () -> read(stream, "")).getMessage();
    }

    @Test
    void everyLintOfARealClippyRunIsReadAtItsPrimarySpan() throws IOException {
        CargoDiagnostics.Parsed parsed;
        try (InputStream gzip = getClass().getResourceAsStream(MEMCHR)) {
            parsed = CargoDiagnostics.read(new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8), "");
        }
        // Counted with python's json module over the same file: 472 compiler messages, 10 repeated.
        assertEquals(472, parsed.messages());
        assertEquals(462, parsed.diagnostics().size());
        assertEquals(10, parsed.duplicates());
        assertEquals(0, parsed.skipped());
        assertEquals(0, parsed.outsideWorkspace());
        List<Diagnostic> unsafeBlocks = parsed.diagnostics().stream()
                .filter(d -> d.checkId().equals("clippy::undocumented_unsafe_blocks")).toList();
        assertEquals(List.of(54, 93, 134, 175, 213, 253), unsafeBlocks.stream().map(Diagnostic::line).toList());
        Diagnostic first = unsafeBlocks.getFirst();
        assertEquals(new Diagnostic("clippy::undocumented_unsafe_blocks", Severity.MINOR, "src/memchr/fallback.rs", 54, 5,
                54, 13, "unsafe block missing a safety comment", first.context(), false), first);
        assertTrue(first.context().startsWith("unsafe {"), first.context());
        Diagnostic crateDocs = parsed.diagnostics().stream().filter(d -> d.checkId().equals("rustc::missing_docs"))
                .findFirst().orElseThrow();
        assertEquals("build.rs", crateDocs.path(), "rustc's own lints are named rustc::");
        assertEquals(88, crateDocs.endLine());
    }

    @Test
    void lintsInTestBenchAndExampleTargetsAreTestCodeAndALibrarysAreNot() throws IOException {
        CargoDiagnostics.Parsed parsed;
        try (InputStream stream = getClass().getResourceAsStream(TARGET_KINDS)) {
            parsed = CargoDiagnostics.read(new InputStreamReader(stream, StandardCharsets.UTF_8), "");
        }
        // src/lib.rs:5 twice (the library, and the library built for its unit tests): one diagnostic.
        assertEquals(5, parsed.messages());
        assertEquals(1, parsed.duplicates());
        assertEquals(List.of("src/lib.rs:5 false", "src/lib.rs:11 false", "tests/integration.rs:2 true",
                "examples/count.rs:4 true"), parsed.diagnostics().stream()
                .map(d -> d.path() + ":" + d.line() + " " + d.inTestCode()).toList(),
                "a library's #[cfg(test)] module (line 11) is compiled as the library target: not told apart");
    }

    @Test
    void codeThatALibraryCompilesIsNotTestCodeWhateverElseIncludesIt() {
        String library = Arrays.stream(recorded(MEMCHR).split("\n")).filter(line -> line.contains("\"compiler-message\"") && line.contains("\"kind\":[\"lib\"]"))
                .findFirst().orElseThrow();
        String asTest = library.replace("\"kind\":[\"lib\"]", "\"kind\":[\"test\"]");
        assertTrue(read(asTest, "").diagnostics().getFirst().inTestCode());
        assertFalse(read(asTest + "\n" + library, "").diagnostics().getFirst().inTestCode());
        assertFalse(read(library + "\n" + asTest, "").diagnostics().getFirst().inTestCode());
    }

    @Test
    void aWorkspaceInASubdirectoryPutsItsDirectoryBeforeEveryPath() {
        CargoDiagnostics.Parsed parsed = read(recorded(MEMCHR), "vendor/memchr");
        assertTrue(parsed.diagnostics().stream().allMatch(d -> d.path().startsWith("vendor/memchr/")));
    }

    @Test
    void diagnosticsOfADependencyOutsideTheWorkspaceAreCountedWithExamplesNotGuessed() {
        CargoDiagnostics.Parsed parsed = read(recorded(MEMCHR_USER), "");
        assertEquals(61, parsed.messages());
        assertEquals(59, parsed.outsideWorkspace());
        assertEquals(CargoDiagnostics.EXAMPLES, parsed.outsideExamples().size());
        assertTrue(parsed.outsideExamples().stream().allMatch(path -> path.startsWith("/tmp/clippy-memchr2/src/")),
                parsed.outsideExamples().toString());
        assertEquals(List.of("clippy::needless_return"), parsed.diagnostics().stream().map(Diagnostic::checkId)
                .filter(id -> id.equals("clippy::needless_return")).toList());
        assertTrue(parsed.diagnostics().stream().allMatch(d -> d.path().equals("src/lib.rs")));
    }

    @Test
    void messagesWithoutALintCodeErrorCodesAndOtherReasonsAreSkippedOrIgnored() {
        String line = firstMessage();
        String summary = line.replaceFirst("\"code\":\\{\"code\":\"[^\"]+\",\"explanation\":null}", "\"code\":null");
        String error = line.replaceFirst("\"code\":\\{\"code\":\"[^\"]+\"", "\"code\":{\"code\":\"E0308\"")
                .replace("\"level\":\"warning\"", "\"level\":\"error\"");
        String denied = line.replace("\"level\":\"warning\"", "\"level\":\"error\"");
        CargoDiagnostics.Parsed parsed = read(String.join("\n", "{\"reason\":\"build-finished\",\"success\":true}",
                summary, error, denied, ""), "");
        assertEquals(3, parsed.messages());
        assertEquals(2, parsed.skipped());
        assertEquals(List.of(Severity.CRITICAL), parsed.diagnostics().stream().map(Diagnostic::severity).toList(),
                "a denied lint is an error");
    }

    @Test
    void aMalformedLineIsRefusedByItsNumber() {
        String line = firstMessage();
        assertEquals("line 2: not valid JSON (column 2); send cargo's --message-format=json output as it is",
                refusal(line + "\n{oops\n"));
        assertEquals("line 1: not a JSON object; cargo writes one object per line", refusal("[1, 2]"));
        assertEquals("line 1: field \"reason\" must be a string", refusal("{\"message\": {}}"));
        assertEquals("line 3: field \"message.spans\" must be an array",
                refusal(line + "\n\n" + withField(line, "spans", "one")));
        assertEquals("line 1, the primary span: field \"line_start\" must be a whole number >= 1",
                refusal(withPrimaryLineStart(line, 0)));
        assertEquals("the stream is empty: send what cargo --message-format=json writes", refusal("\n \n"));
    }

    @Test
    void onlyPlainRelativePathsAreWorkspaceFiles() {
        assertEquals(Optional.of("src/lib.rs"), CargoDiagnostics.workspacePath("src/lib.rs"));
        for (String outside : List.of("/root/.cargo/registry/src/memchr-2.5.0/src/lib.rs", "../other/src/lib.rs",
                "src/../../x.rs", "./src/lib.rs", "C:\\work\\src\\lib.rs", "target/debug/build/x/out/gen.rs", "")) {
            assertEquals(Optional.empty(), CargoDiagnostics.workspacePath(outside), outside);
        }
    }

    @Test
    void lintIdsKeepTheirToolAndRustcLintsGetOne() {
        assertEquals(Optional.of("clippy::needless_return"), ImportedLints.checkIdOf("clippy::needless_return"));
        assertEquals(Optional.of("rustc::unused_variables"), ImportedLints.checkIdOf("unused_variables"));
        assertEquals(Optional.empty(), ImportedLints.checkIdOf("E0308"));
        assertTrue(ImportedLints.isLintId("clippy::needless_return"));
        assertTrue(!ImportedLints.isLintId("undocumented_unsafe_block"), "our own ids hold no ::");
        assertEquals("https://rust-lang.github.io/rust-clippy/master/index.html#needless_return",
                ImportedLints.helpUri("clippy::needless_return"));
        assertEquals("https://doc.rust-lang.org/rustc/lints/listing/index.html#unused-variables",
                ImportedLints.helpUri("rustc::unused_variables"));
    }

    /** A cargo message with one field of its diagnostic set to {@code value}. */
    private static String withField(String line, String field, String value) {
        try {
            ObjectNode message = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) message.get("message")).put(field, value);
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cargo message with its primary span starting on {@code line}. */
    private static String withPrimaryLineStart(String text, int line) {
        try {
            ObjectNode message = (ObjectNode) JSON.readTree(text);
            for (var span : message.get("message").get("spans")) {
                if (span.get("is_primary").asBoolean()) {
                    ((ObjectNode) span).put("line_start", line);
                }
            }
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first compiler message of the recorded memchr run, as cargo wrote it. */
    private static String firstMessage() {
        return recorded(MEMCHR).lines().filter(l -> l.contains("\"reason\":\"compiler-message\"")).findFirst()
                .orElseThrow();
    }
}
