package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CfgPredicateTest {

    private static final Set<String> LINUX_STD = Set.of("unix", "target_os=\"linux\"", "feature=\"std\"", "debug_assertions");

    @Test
    void namesAndPairs() {
        assertTrue(CfgPredicate.parse("unix").holds(LINUX_STD));
        assertTrue(CfgPredicate.parse("target_os = \"linux\"").holds(LINUX_STD));
        assertFalse(CfgPredicate.parse("windows").holds(LINUX_STD));
        assertFalse(CfgPredicate.parse("feature=\"simd-accel\"").holds(LINUX_STD));
    }

    @Test
    void allAnyNot() {
        assertTrue(CfgPredicate.parse("all(unix, not(feature = \"nightly\"))").holds(LINUX_STD));
        assertFalse(CfgPredicate.parse("all(unix, not(feature = \"std\"))").holds(LINUX_STD));
        assertTrue(CfgPredicate.parse("any(windows, target_os = \"linux\",)").holds(LINUX_STD));
        assertFalse(CfgPredicate.parse("any()").holds(LINUX_STD));
        assertTrue(CfgPredicate.parse("all()").holds(LINUX_STD));
        assertEquals(new CfgPredicate.Not(new CfgPredicate.Combination(true, List.of(new CfgPredicate.Option("loom"),
                new CfgPredicate.Option("test")))), CfgPredicate.parse(" not( all(loom, test) ) "));
    }

    @Test
    void notAPredicate() {
        assertThrows(IllegalArgumentException.class, () -> CfgPredicate.parse("all(unix"));
        assertThrows(IllegalArgumentException.class, () -> CfgPredicate.parse("maybe(unix)"));
        assertThrows(IllegalArgumentException.class, () -> CfgPredicate.parse("unix windows"));
    }
}
