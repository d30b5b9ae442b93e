package dev.rustlens.analysis.advisories;

import java.util.List;

/**
 * Every advisory of a database that read, and the problems of the files that did not.
 *
 * @param advisories the advisories, in path order, ids unique
 * @param problems each file left out, with its line and why
 */
public record ParsedDatabase(List<Advisory> advisories, List<AdvisoryProblem> problems) {
}
