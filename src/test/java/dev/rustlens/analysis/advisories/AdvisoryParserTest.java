package dev.rustlens.analysis.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading RustSec advisory files: the real format, and files that do not read. */
@Tag("fast")
class AdvisoryParserTest {

    private static final ParsedDatabase FIXTURE = AdvisoryParser.parseAll(AdvisoryDirectory.files(AdvisoryDirectory.fixture()));

    private static Advisory advisory(String id) {
        return FIXTURE.advisories().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void readsTheFixtureButTheBrokenFileWhichItNamesWithItsLine() {
        assertEquals(11, FIXTURE.advisories().size());
        assertEquals(1, FIXTURE.problems().size());
        AdvisoryProblem problem = FIXTURE.problems().getFirst();
        assertEquals("crates/smallvec/RUSTSEC-2019-0009.md", problem.path());
        assertEquals(7, problem.line());
        assertTrue(problem.message().startsWith("invalid TOML: "), problem.message());
    }

    @Test
    void leavesOutTheToolchainsOwnAdvisories() {
        assertFalse(AdvisoryParser.isAdvisoryPath("rust/std/CVE-2018-1000810.md"));
        assertFalse(AdvisoryParser.isAdvisoryPath("README.md"));
        assertFalse(AdvisoryParser.isAdvisoryPath("crates/time/nested/RUSTSEC-2020-0071.md"));
        assertTrue(AdvisoryParser.isAdvisoryPath("crates/time/RUSTSEC-2020-0071.md"));
    }

    @Test
    void readsEveryFieldOfARealAdvisory() {
        Advisory time = advisory("RUSTSEC-2020-0071");
        assertEquals("time", time.packageName());
        assertEquals("Potential segfault in the time crate", time.title());
        assertTrue(time.description().startsWith("### Impact"), time.description());
        assertEquals(LocalDate.of(2020, 11, 18), time.date());
        assertEquals(Optional.of("https://github.com/time-rs/time/issues/293"), time.url());
        assertEquals(List.of("CVE-2020-26235", "GHSA-wcg3-cvx6-7396"), time.aliases());
        assertEquals(List.of("code-execution", "memory-corruption"), time.categories());
        assertEquals(List.of("segfault"), time.keywords());
        assertEquals(Optional.of("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), time.cvss());
        assertEquals(Optional.empty(), time.informational());
        assertEquals(Optional.empty(), time.withdrawn());
        assertEquals(List.of(">= 0.2.23"), time.fixedVersions());
        assertEquals(7, time.unaffectedVersions().size());
        assertEquals(9, time.functions().size());
        assertEquals(List.of("^0.1"), time.functions().get("time::at"));
        assertEquals(List.of("< 0.2.23"), time.functions().get("time::OffsetDateTime::now_local"));
        assertEquals(9, time.os().size());
        assertTrue(time.os().contains("linux"));
        assertEquals(List.of(), time.arch());
        assertEquals("crates/time/RUSTSEC-2020-0071.md", time.path());
        assertEquals("advisory_vulnerability", time.checkId());
    }

    @Test
    void namesTheFindingAfterTheInformationalKind() {
        assertEquals("advisory_unsound", advisory("RUSTSEC-2026-0186").checkId());
        assertEquals("advisory_unmaintained", advisory("RUSTSEC-2025-0025").checkId());
        assertEquals("advisory_notice", advisory("RUSTSEC-2026-0174").checkId());
        assertEquals(List.of(), advisory("RUSTSEC-2025-0025").fixedVersions());
        assertEquals(Optional.of(LocalDate.of(2020, 10, 8)), advisory("RUSTSEC-2019-0031").withdrawn());
    }

    @Test
    void readsTheOlderTomlOnlyFormat() {
        String toml = """
                [advisory]
                id = "RUSTSEC-2017-0001"
                package = "sodiumoxide"
                date = "2017-01-26"
                title = "scalarmult() vulnerable to degenerate public keys"
                description = \"\"\"
                The `scalarmult()` function included in previous versions of this crate
                accepted all-zero public keys.
                \"\"\"
                patched = [">= 0.0.14"]

                [versions]
                patched = [">= 0.0.14"]
                """;
        Advisory advisory = read("crates/sodiumoxide/RUSTSEC-2017-0001.toml", toml);
        assertEquals("scalarmult() vulnerable to degenerate public keys", advisory.title());
        assertTrue(advisory.description().startsWith("The `scalarmult()` function"), advisory.description());
        assertEquals(List.of(">= 0.0.14"), advisory.fixedVersions());
    }

    @Test
    void aFileThatDoesNotReadIsAProblemNamingItsLine() {
        String good = """
                ```toml
                [advisory]
                id = "RUSTSEC-2023-0001"
                package = "tokio"
                date = "2023-01-04"

                [versions]
                patched = [">= 1.23.1"]
                ```

                # Title
                """;
        assertProblem("crates/tokio/x.md", "# Title\n", 1, "the file does not start with a ```toml front matter");
        assertProblem("crates/tokio/x.md", "```toml\n[advisory]\nid = \"x\"\n", 1,
                "the ```toml front matter is not closed by a ``` line");
        assertProblem("crates/tokio/x.md", good.replace("# Title\n", "no title\n"), 11, "no '# ' title after the front matter");
        assertProblem("crates/tokio/x.md", good.replace("patched = [\">= 1.23.1\"]", "fixed = [\">= 1.23.1\"]"), 7,
                "[versions] has no patched list (patched = [] when no fix exists)");
        assertProblem("crates/tokio/x.md", good.replace(">= 1.23.1", ">= 1.23.1 < 1.24"), 8,
                "invalid version requirement \">= 1.23.1 < 1.24\": expected a comma, found '<' (at character 11)");
        assertProblem("crates/tokio/x.md", good.replace("2023-01-04", "04/01/2023"), 5,
                "date '04/01/2023' is not a date (YYYY-MM-DD)");
        assertProblem("crates/tokio/x.md", good.replace("id = \"RUSTSEC-2023-0001\"\n", ""), 2, "[advisory] has no id");
        assertProblem("crates/mio/x.md", good, 4, "package 'tokio' is not the package of its directory crates/mio");
        assertProblem("crates/tokio/x.md", good.replace("patched = [\">= 1.23.1\"]", "patched = \">= 1.23.1\""), 8,
                "patched is not a list of strings");
    }

    @Test
    void aRepeatedIdIsRefusedInTheSecondFile() {
        String advisory = """
                ```toml
                [advisory]
                id = "RUSTSEC-2023-0001"
                package = "tokio"
                date = "2023-01-04"
                [versions]
                patched = []
                ```
                # Title
                """;
        ParsedDatabase parsed = AdvisoryParser.parseAll(Map.of("crates/tokio/a.md", advisory, "crates/tokio/b.md", advisory));
        assertEquals(List.of("crates/tokio/a.md"), parsed.advisories().stream().map(Advisory::path).toList());
        assertEquals(List.of(new AdvisoryProblem("crates/tokio/b.md", 1,
                "id RUSTSEC-2023-0001 is also the id of crates/tokio/a.md")), parsed.problems());
    }

    private static Advisory read(String path, String content) {
        return assertInstanceOf(AdvisoryParser.Read.class, AdvisoryParser.parse(path, content)).advisory();
    }

    private static void assertProblem(String path, String content, int line, String message) {
        AdvisoryProblem problem = assertInstanceOf(AdvisoryParser.Refused.class, AdvisoryParser.parse(path, content)).problem();
        assertEquals(new AdvisoryProblem(path, line, message), problem);
    }
}
