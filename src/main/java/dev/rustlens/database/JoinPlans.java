package dev.rustlens.database;

import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Statements whose plan must not hang on the table statistics of the moment. A scan's findings
 * are written and then compared with another scan's in the same transaction, before any
 * statistics know the new scan: PostgreSQL then expects one row per scan and may compare every
 * finding with every finding of the other scan in a nested loop (two scans of 200,000 findings:
 * hours). Without nested loops it hashes one side, which costs the same when the guess is right.
 */
public final class JoinPlans {

    private JoinPlans() {
    }

    /**
     * Runs {@code statements} in the session's transaction with nested-loop joins disabled, then
     * restores the setting. When they fail, the transaction is rolled back, and the setting with it.
     */
    public static <T> T withoutNestedLoops(Session session, Supplier<T> statements) {
        session.createNativeMutationQuery("set local enable_nestloop = off").executeUpdate();
        T result = statements.get();
        session.createNativeMutationQuery("set local enable_nestloop to default").executeUpdate();
        return result;
    }
}
