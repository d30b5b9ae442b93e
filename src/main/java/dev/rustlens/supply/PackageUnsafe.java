package dev.rustlens.supply;

/**
 * The unsafe exposure of one locked package: its library's unsafe counts as rustlens's engine
 * finds them (tests, benches, examples and binaries left out: what a dependent builds), whether it
 * forbids unsafe code, and the letter the score formula gives its Unsafe rating. A package that
 * could not be analysed says why, and its figures are zero.
 *
 * @param name the package name
 * @param version its exact version
 * @param checksum the SHA-256 of its {@code .crate} from Cargo.lock, empty when the lock has none
 * @param status what became of it
 * @param reason why it was not analysed, in words; empty when analysed
 * @param files the Rust files its library and build script compile
 * @param codeLines their code lines outside test code
 * @param unsafeBlocks unsafe blocks outside test code
 * @param unsafeFunctions unsafe free functions
 * @param unsafeMethods unsafe methods (in impls and traits)
 * @param unsafeImpls unsafe impl blocks
 * @param unsafeTraits unsafe traits
 * @param externBlocks extern blocks
 * @param forbidsUnsafe whether it forbids {@code unsafe_code} crate-wide
 * @param unsafeRating the Unsafe rating's letter, "A" to "E"; empty unless analysed
 * @param analyzerVersion the analyzer version that analysed it (or would have)
 */
public record PackageUnsafe(String name, String version, String checksum, Status status, String reason, int files,
        int codeLines, int unsafeBlocks, int unsafeFunctions, int unsafeMethods, int unsafeImpls, int unsafeTraits,
        int externBlocks, boolean forbidsUnsafe, String unsafeRating, String analyzerVersion) {

    /** What became of a package. */
    public enum Status {
        /** Fetched, checked against its checksum and analysed. */
        ANALYSED,
        /** No configured source holds it, or it has no checksum to check it against (git, path). */
        UNAVAILABLE,
        /** Its source's bytes or {@code .cargo-checksum.json} do not match Cargo.lock's checksum. */
        CHECKSUM_MISMATCH,
        /** Its archive is hostile or over the archive limits: nothing of it was analysed. */
        REFUSED,
        /** Not done within the per-package timeout (or the scan stopped first). */
        TIMED_OUT,
        /** The server failed (a full disk, an analysis error); the next scan tries again. */
        FAILED
    }

    /** A package that was not analysed, for {@code reason}. */
    static PackageUnsafe notAnalysed(String name, String version, String checksum, Status status, String reason,
            String analyzerVersion) {
        if (status == Status.ANALYSED) {
            throw new IllegalArgumentException("an analysed package has figures");
        }
        return new PackageUnsafe(name, version, checksum, status, reason, 0, 0, 0, 0, 0, 0, 0, 0, false, "",
                analyzerVersion);
    }

    /** Whether its library holds unsafe code of any kind the counts measure. */
    public boolean usesUnsafe() {
        return unsafeBlocks + unsafeFunctions + unsafeMethods + unsafeImpls + unsafeTraits + externBlocks > 0;
    }
}
