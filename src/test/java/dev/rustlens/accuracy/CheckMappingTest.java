package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.CheckCatalogue;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CheckMappingTest {

    private static Optional<String> checkOf(String lint, String message, String text) {
        return CheckMapping.checkOf(new LintHit(lint, message, "lib", "src/lib.rs", 1, 1, 1, text));
    }

    @Test
    void eachLintHasItsCheck() {
        assertEquals(Optional.of("undocumented_unsafe_block"),
                checkOf("clippy::undocumented_unsafe_blocks", "unsafe block missing a safety comment", "unsafe {"));
        assertEquals(Optional.of("missing_safety_doc"),
                checkOf("clippy::missing_safety_doc", "unsafe function's docs are missing a `# Safety` section", ""));
        assertEquals(Optional.of("missing_docs"), checkOf("missing_docs", "missing documentation for a struct", ""));
        assertEquals(Optional.of("missing_crate_docs"), checkOf("missing_docs", "missing documentation for the crate", ""));
        assertEquals(Optional.of("unwrap_used"), checkOf("clippy::unwrap_used", "used `unwrap()` on an `Option` value", ""));
        assertEquals(Optional.of("expect_used"), checkOf("clippy::expect_used", "used `expect()` on a `Result` value", ""));
        for (String lint : new String[] {"clippy::panic", "clippy::todo", "clippy::unimplemented", "clippy::unreachable"}) {
            assertEquals(Optional.of("panic_in_library"), checkOf(lint, "", ""));
        }
        assertEquals(Optional.of("mem_forget"), checkOf("clippy::mem_forget", "usage of `mem::forget` on `Drop` type", ""));
        assertEquals(Optional.empty(), checkOf("dead_code", "", ""));
    }

    @Test
    void anUnsafeImplGoesByItsTrait() {
        String message = "unsafe impl missing a safety comment";
        assertEquals(Optional.of("unsafe_impl_send_sync"),
                checkOf("clippy::undocumented_unsafe_blocks", message, "unsafe impl<T: Send> Sync for Mutex<T> {}"));
        assertEquals(Optional.of("undocumented_unsafe_impl"),
                checkOf("clippy::undocumented_unsafe_blocks", message, "unsafe impl GlobalAlloc for Bump {"));
    }

    @Test
    void theImplementedTraitsLastSegment() {
        assertEquals("Send", CheckMapping.implementedTrait("unsafe impl Send for X {}"));
        assertEquals("Sync", CheckMapping.implementedTrait("unsafe impl<T: ?Sized + Send> core::marker::Sync for X<T> {}"));
        assertEquals("Send", CheckMapping.implementedTrait("unsafe impl<F: Fn() -> u8, T: Iterator<Item = Vec<u8>>>\n    Send for X<F, T> {}"));
        assertEquals("BufMut", CheckMapping.implementedTrait("unsafe impl<T: BufMut + ?Sized> BufMut for &mut T {"));
        assertEquals("Allocator", CheckMapping.implementedTrait("unsafe impl<'a> Allocator for &'a Bump {"));
        assertEquals("", CheckMapping.implementedTrait("unsafe { x }"));
    }

    @Test
    void theComparedChecksAreChecksOfTheCatalogue() {
        try (CheckCatalogue catalogue = CheckCatalogue.load()) {
            for (String id : CheckMapping.CHECKS.keySet()) {
                assertTrue(catalogue.byId(id).isPresent(), id + " is a check");
            }
        }
    }

    @Test
    void everyCheckHasAView() {
        assertTrue(CheckMapping.CHECKS.values().stream().allMatch(compared -> compared.view() != null));
        assertEquals(View.LIBRARY, CheckMapping.CHECKS.get("unwrap_used").view());
        assertEquals(View.ALL_TARGETS, CheckMapping.CHECKS.get("undocumented_unsafe_block").view());
    }

    @Test
    void theLibraryViewHoldsOnlyTheNonTestLibrary() {
        assertTrue(View.LIBRARY.includes("lib", false));
        assertTrue(!View.LIBRARY.includes("lib", true) && !View.LIBRARY.includes("custom-build", false));
        assertTrue(View.ALL_TARGETS.includes("test", true) && View.ALL_TARGETS.includes("custom-build", false));
    }
}
