package dev.rustlens.trend;

import jakarta.persistence.Tuple;

/**
 * Reads a native query's columns by alias. PostgreSQL's numeric types arrive as different Java
 * types (count and bigint as Long, integer as Integer, sum as BigDecimal), so numbers are read as
 * {@link Number}.
 */
final class Columns {

    private Columns() {
    }

    /** The number in column {@code alias}, which must not be null. */
    static long longValue(Tuple row, String alias) {
        return ((Number) row.get(alias)).longValue();
    }

    /** The whole number in column {@code alias}, which must not be null. */
    static int intValue(Tuple row, String alias) {
        return ((Number) row.get(alias)).intValue();
    }

    /** The number in column {@code alias}, or null. */
    static Long nullableLong(Tuple row, String alias) {
        Number value = (Number) row.get(alias);
        return value == null ? null : value.longValue();
    }

    /** The whole number in column {@code alias}, or null. */
    static Integer nullableInt(Tuple row, String alias) {
        Number value = (Number) row.get(alias);
        return value == null ? null : value.intValue();
    }

    /** The text in column {@code alias}, or null. */
    static String text(Tuple row, String alias) {
        return row.get(alias, String.class);
    }
}
