package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CfgScopesTest {

    private static final String SOURCE = """
            #![cfg(feature = "std")]
            #[cfg(unix)]
            // a comment between the attribute and the item
            mod sys {
                #[cfg_attr(docsrs, doc(cfg(unix)))]
                #[cfg(target_os = "linux")]
                fn errno() -> i32 {
                    #[cfg(not(test))]
                    let x = unsafe { read() };
                    match x {
                        #[cfg(feature = "arbitrary_precision")]
                        Some(n) => unreachable!(),
                        _ => 0,
                    }
                }
            }
            fn plain() { unsafe { read() } }
            """;

    private static List<String> around(String marker) {
        try (CfgScopes scopes = new CfgScopes(SOURCE)) {
            return scopes.around(SOURCE.indexOf(marker));
        }
    }

    @Test
    void everyEnclosingCfgInnermostFirst() {
        assertEquals(List.of("not(test)", "target_os = \"linux\"", "unix", "feature = \"std\""), around("unsafe { read() };"));
    }

    @Test
    void aMatchArmsOwnAttribute() {
        assertEquals(List.of("feature = \"arbitrary_precision\"", "target_os = \"linux\"", "unix", "feature = \"std\""),
                around("unreachable!()"));
    }

    @Test
    void onlyTheFilesInnerCfgOutsideTheModule() {
        assertEquals(List.of("feature = \"std\""), around("unsafe { read() } }"));
    }

    @Test
    void aCfgIfBranchHoldsItsConditionAndNoneOfTheEarlierOnes() {
        String source = """
                cfg_if::cfg_if! {
                    if #[cfg(unix)] {
                        fn first() {}
                    } else if #[cfg(windows)] {
                        fn second() {}
                    } else {
                        fn third() {}
                    }
                }
                """;
        try (CfgScopes scopes = new CfgScopes(source)) {
            assertEquals(List.of("all(unix)"), scopes.around(source.indexOf("first")));
            assertEquals(List.of("all(windows, not(any(unix)))"), scopes.around(source.indexOf("second")));
            assertEquals(List.of("all(not(any(unix, windows)))"), scopes.around(source.indexOf("third")));
        }
    }
}
