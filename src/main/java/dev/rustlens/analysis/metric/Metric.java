package dev.rustlens.analysis.metric;

/**
 * A per-crate figure. File analysis fills the file-level ones, crate aggregation sums them and
 * adds the crate-level ones; flags are stored as 0 or 1 so every metric has one type.
 */
public enum Metric {
    FILES("files", "Rust source files"),
    UNLINKED_FILES("unlinked_files", "Rust source files that no target's module tree reaches (rustc never reads them)"),
    CODE_LINES("code_lines", "lines of code, as tokei counts them"),
    COMMENT_LINES("comment_lines", "comment-only lines"),
    BLANK_LINES("blank_lines", "blank lines"),
    TEST_CODE_LINES("test_code_lines", "code lines in test files, #[cfg(test)] modules and #[test] fns"),
    LIBRARY_CODE_LINES("library_code_lines", "code lines that are not test code (the density base)"),

    UNSAFE_BLOCKS("unsafe_blocks", "unsafe blocks outside test code"),
    UNSAFE_FUNCTIONS("unsafe_functions", "unsafe free functions outside test code"),
    UNSAFE_METHODS("unsafe_methods", "unsafe methods (in impls and traits) outside test code"),
    UNSAFE_IMPLS("unsafe_impls", "unsafe impl blocks outside test code"),
    UNSAFE_TRAITS("unsafe_traits", "unsafe traits outside test code"),
    EXTERN_BLOCKS("extern_blocks", "extern blocks outside test code"),
    UNSAFE_IN_MACROS("unsafe_in_macros", "unsafe keywords inside macro invocations and macro_rules! bodies, outside test code"),
    UNSAFE_IN_TESTS("unsafe_in_tests", "unsafe sites inside test code"),
    UNSAFE_EXPRESSIONS("unsafe_expressions", "expressions inside unsafe blocks and unsafe fns (cargo-geiger)"),
    GEIGER_FUNCTIONS_SAFE("geiger_functions_safe", "safe functions (cargo-geiger)"),
    GEIGER_FUNCTIONS_UNSAFE("geiger_functions_unsafe", "unsafe functions, #[no_mangle] included (cargo-geiger)"),
    GEIGER_METHODS_SAFE("geiger_methods_safe", "safe impl methods (cargo-geiger)"),
    GEIGER_METHODS_UNSAFE("geiger_methods_unsafe", "unsafe impl methods (cargo-geiger)"),
    GEIGER_IMPLS_SAFE("geiger_impls_safe", "safe impl blocks (cargo-geiger)"),
    GEIGER_IMPLS_UNSAFE("geiger_impls_unsafe", "unsafe impl blocks (cargo-geiger)"),
    GEIGER_TRAITS_SAFE("geiger_traits_safe", "safe traits (cargo-geiger)"),
    GEIGER_TRAITS_UNSAFE("geiger_traits_unsafe", "unsafe traits (cargo-geiger)"),
    CORE_MODULES("core_modules", "modules declared as core, the only place for unsafe code (0: none declared, no boundary)"),
    FORBIDS_UNSAFE("forbids_unsafe", "1 when the crate forbids unsafe_code: forbid, or deny with no module allowing it again"),

    PUBLIC_ITEMS("public_items", "items the library exports and rustdoc shows (fields, variants, methods included)"),
    DOCUMENTED_PUBLIC_ITEMS("documented_public_items", "exported items with docs"),
    PUBLIC_FNS("public_fns", "exported fns and methods"),
    UNSAFE_API("unsafe_api", "exported unsafe fns and methods, and unsafe traits: what a # Safety section is asked of"),
    PUBLIC_FNS_WITH_EXAMPLE("public_fns_with_example", "exported fns and methods whose docs hold a code example"),
    CRATE_DOCS("crate_docs", "1 when the crate root has //! or #![doc] docs"),

    TEST_FNS("test_fns", "#[test] fns, and #[tokio::test] and other ...::test fns"),
    DOCTESTS("doctests", "fenced Rust code in doc comments that rustdoc runs"),
    INTEGRATION_TEST_FILES("integration_test_files", "files under tests/ and [[test]] targets"),
    BENCH_TARGETS("bench_targets", "bench files and [[bench]] targets"),
    CRITERION("criterion", "1 when criterion is a dev-dependency"),
    LOOM_ITEMS("loom_items", "items compiled for loom's model checker only (#[cfg(loom)])"),
    REPOSITORY_FILES("repository_files", "1 when the source is a repository, whose CI and Cargo.lock can be read; 0 for a package archive"),
    CI_CONFIGURATIONS("ci_configurations", "CI configuration files in the repository (GitHub workflows, GitLab CI, ..)"),
    EVIDENCE_MIRI("evidence_miri", "1 when CI runs Miri (verification evidence)"),
    EVIDENCE_FUZZING("evidence_fuzzing", "1 when cargo-fuzz targets exercise the crate"),
    EVIDENCE_PROPERTY_TESTS("evidence_property_tests", "1 when property tests (proptest, quickcheck) run"),
    EVIDENCE_LOOM("evidence_loom", "1 when loom models check the crate's concurrency"),
    EVIDENCE_COMPILE_FAIL_TESTS("evidence_compile_fail_tests", "1 when compile-fail tests (trybuild) run"),
    EVIDENCE_SANITIZERS("evidence_sanitizers", "1 when CI runs sanitizers"),
    EVIDENCE_PLATFORMS("evidence_platforms", "1 when CI runs on more than one platform"),
    EVIDENCE_COVERAGE("evidence_coverage", "1 when CI measures test coverage"),

    ALLOW_ATTRIBUTES("allow_attributes", "#[allow] and #[expect] attributes"),
    CLIPPY_ALLOWS("clippy_allows", "clippy lints allowed or expected"),
    ALLOWS_WITHOUT_REASON("allows_without_reason", "allow/expect attributes with no reason"),
    PEDANTIC_ENABLED("pedantic_enabled", "1 when clippy::pedantic is warned, denied or forbidden"),

    FINDINGS("findings", "findings, suppressed ones left out"),
    SUPPRESSED_FINDINGS("suppressed_findings", "findings suppressed in the code"),
    PARSE_ERRORS("parse_errors", "files that did not parse cleanly or were skipped");

    private final String key;
    private final String description;

    Metric(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The stable snake_case name used in storage and exports. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }
}
