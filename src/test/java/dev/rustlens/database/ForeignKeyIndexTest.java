package dev.rustlens.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Every foreign key of the schema has an index that starts with its columns: a cascading delete
 * (a repository, a branch's scans) looks up the referencing rows of each deleted row, and without
 * one PostgreSQL reads the whole referencing table for every deleted row (hours for a large
 * repository among millions of findings; V33).
 */
@QuarkusTest
class ForeignKeyIndexTest {

    @Inject
    EntityManager entityManager;

    @Test
    void everyForeignKeyLeadsAnIndex() {
        List<String> keys = foreignKeys(false);
        assertTrue(keys.size() > 30, "the schema's foreign keys: " + keys);
        assertEquals(List.of(), foreignKeys(true), "foreign keys without an index that starts with their columns");
    }

    /** The current schema's foreign keys (only those no index leads with their columns, when {@code unindexed}). */
    private List<String> foreignKeys(boolean unindexed) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).createNativeQuery("""
                select cast(c.conrelid as regclass) || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c
                where c.contype = 'f' and c.connamespace = cast(current_schema() as regnamespace)
                  and (not ?1 or not exists (select 1 from pg_index i where i.indrelid = c.conrelid
                      and (cast(i.indkey as int2[]))[0 : cardinality(c.conkey) - 1] = c.conkey))
                order by 1""", String.class).setParameter(1, unindexed).getResultList());
    }
}
