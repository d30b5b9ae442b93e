package dev.rustlens.supply;

/**
 * Fired, synchronously and after its transaction committed, when a refresh stored a new revision
 * of the advisory database: observers match stored scans again without rescanning their code.
 *
 * @param revision the commit of the database now in use
 */
public record AdvisoriesChanged(String revision) {
}
