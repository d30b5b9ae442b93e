package dev.rustlens.analysis.dependencies;

import java.util.Optional;

/**
 * A dependency as a workspace member's manifest declares it.
 *
 * @param member the name of the member crate that declares it
 * @param name the package it names, after a rename ({@code foo = { package = "bar" }} names bar)
 * @param requirement the version requirement as written, {@code "*"} when none is written
 * @param kind NORMAL, BUILD or DEV after the table it is declared in
 * @param optional whether a feature pulls it in ({@code optional = true})
 * @param target the {@code cfg(…)} or target triple of a target-specific table
 * @param manifestPath the repository path of the declaring manifest
 * @param line the 1-based line of the declaration in that manifest
 */
public record DeclaredDependency(String member, String name, String requirement, DependencyKind kind,
        boolean optional, Optional<String> target, String manifestPath, int line) {
}
