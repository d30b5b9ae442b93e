package dev.rustlens.database;

import jakarta.persistence.Tuple;

/**
 * Numbers read by name from a native query's row. PostgreSQL gives a whole number as Long
 * (bigint, count), Integer (integer) or BigDecimal (a sum of bigints): read them as numbers.
 */
public final class Columns {

    private Columns() {
    }

    /** The whole number in {@code column}, whichever of those types it comes as. */
    public static long longOf(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    /** The whole number in {@code column}, which fits an int (a line, a column, a count of one scan). */
    public static int intOf(Tuple row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    /** The whole number in {@code column}, or null. */
    public static Long nullableLongOf(Tuple row, String column) {
        Number value = (Number) row.get(column);
        return value == null ? null : value.longValue();
    }

    /** The whole number in {@code column} that fits an int, or null. */
    public static Integer nullableIntOf(Tuple row, String column) {
        Number value = (Number) row.get(column);
        return value == null ? null : value.intValue();
    }
}
