package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which macro inputs are worth reading as code: the word scan finds what the word pattern finds. */
@Tag("fast")
class MacroInputPassTest {

    /** The pattern the scan stands in for, as it was written before the scan. */
    private static final Pattern ORACLE = Pattern.compile("\\b(?:unsafe|unwrap|unwrap_err|expect|expect_err"
            + "|panic|todo|unimplemented|unreachable|forget|transmute|transmute_copy|leak|sleep|fs|File"
            + "|mod|fn|impl|struct|enum|union|trait|static|const|type|use|extern|macro_rules)\\b");

    @ParameterizedTest
    @ValueSource(strings = {"(x.unwrap())", "(x.unwrap_or(1))", "{ unsafe { f() } }", "[1, 2, 3]", "(\"{}\", user)",
            "{ fn_ptr }", "(r#fn)", "{ mod imp; }", "(é unsafe)", "(éunsafe)", "(unsafeé)", "(x.expect_err(\"é\"))",
            "(mod_fn)", "(_fn)", "(fn_)", "(File::open(p))", "(fs)", "(2fs)", "(a\u0301fn)", "(transmute_copy)", ""})
    void theScanFindsWhatThePatternFinds(String input) {
        String text = "m!" + input + ";";
        int start = 2;
        int end = 2 + input.length();
        assertEquals(ORACLE.matcher(text).region(start, end).find(), MacroInputPass.mentionsWordWorthReading(text, start, end),
                input);
    }

    @Test
    void theScanFindsWhatThePatternFindsOnEveryLineOfRealFiles() throws IOException {
        Path registry = Path.of("/usr/share/cargo/registry");
        assumeTrue(Files.isDirectory(registry.resolve("serde-1.0.152")), "the corpus is not installed");
        int lines = 0;
        for (String file : new String[] {"serde-1.0.152/src/de/impls.rs", "syn-1.0.107/src/expr.rs",
                "memchr-2.5.0/src/memchr/mod.rs", "aho-corasick-0.7.19/src/tests.rs", "arrayvec-0.7.2/src/arrayvec.rs"}) {
            String text = Files.readString(registry.resolve(file));
            for (int start = 0, end; start < text.length(); start = end + 1) {
                end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                assertEquals(ORACLE.matcher(text).region(start, end).find(),
                        MacroInputPass.mentionsWordWorthReading(text, start, end), file + ": " + text.substring(start, end));
                lines++;
            }
        }
        assertTrue(lines > 5_000, "lines compared: " + lines);
    }
}
