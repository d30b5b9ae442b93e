package dev.rustlens.analysis.check;

/**
 * One rule of the review standard. Its query lives in {@code checks/<id>/query.scm} and its
 * documentation in {@code docs/checks/<id>.md}. Implementations are registered as services of
 * this interface, and the catalogue test checks that none is left out.
 */
public sealed interface Check permits FileCheck, CrateCheck {

    CheckInfo info();

    /** Shorthand for {@code info().id()}. */
    default String id() {
        return info().id();
    }
}
