package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.source.CommentScanner;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CommentScannerTest {

    private static List<String> comments(String text) {
        return CommentScanner.scan(text).stream().map(span -> text.substring(span.start(), span.end())
                + "@" + span.braceDepth()).toList();
    }

    @Test
    void literalsHideCommentMarkers() {
        String text = """
                let url = "http://example.com"; // real
                let raw = r#"a "// not" b"#;
                let path = br"C:\\//x"; /* block /* nested */ still */
                let quote = '"'; let slash = '/'; // after chars
                fn f<'a>(x: &'a str) -> &'a str { x } // after lifetimes
                let esc = "\\" // not a comment";
                """;
        assertEquals(List.of("// real@0", "/* block /* nested */ still */@0", "// after chars@0",
                "// after lifetimes@0"), comments(text));
    }

    @Test
    void braceDepthTellsFileLevelComments() {
        String text = "//! crate docs\r\nmod m {\n    //! module docs\n    fn f() { let s = \"{\"; }\n}\n// end\n";
        assertEquals(List.of("//! crate docs@0", "//! module docs@1", "// end@0"), comments(text));
    }

    @Test
    void unterminatedLiteralsAndCommentsEndAtTheEndOfText() {
        assertEquals(List.of("/* open@0"), comments("/* open"));
        assertEquals(List.of(), comments("let s = \"never closed // x"));
        assertEquals(List.of("// c@0"), comments("let c = '\\u{1F600}'; let e = '😀'; // c"));
    }
}
