package dev.rustlens.gate;

/**
 * Fired, synchronously and inside the transaction that stores a verdict, when the verdict of a
 * branch's newest scan changes: a first verdict, or passed to failed and back. What tells others
 * (webhooks) observes it, so the gate need not know who listens.
 *
 * @param previousStatus {@code passed} or {@code failed}, or null for the branch's first verdict
 * @param verdict the new verdict, on the branch's newest scan
 */
public record GateStatusChanged(long repositoryId, String branch, String commit, String previousStatus,
        GateVerdict verdict) {

    /** {@code passed} or {@code failed}, as the gate status endpoint says it. */
    public String status() {
        return statusOf(verdict.passed());
    }

    static String statusOf(boolean passed) {
        return passed ? "passed" : "failed";
    }
}
