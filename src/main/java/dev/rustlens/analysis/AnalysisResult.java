package dev.rustlens.analysis;

import java.util.List;

/**
 * The outcome of analysing one source tree.
 *
 * @param crates every crate found, by directory
 * @param problems things that were left out, in words (a broken manifest outside the workspace)
 * @param filesAnalyzed files parsed and analysed in this run
 * @param filesReused files whose cached result was reused
 */
public record AnalysisResult(List<CrateResult> crates, List<String> problems, int filesAnalyzed, int filesReused) {
}
