package dev.rustlens.web;

import dev.rustlens.http.PageException;
import dev.rustlens.text.Echo;

/** Query parameters of the pages' GET forms, where an empty field means "not given". */
final class QueryParams {

    private QueryParams() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number, or null when not given; anything else is a bad request naming the parameter. */
    static Long number(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw PageException.badRequest(name + " must be a number, not " + Echo.quoted(value));
        }
    }

    /** true or false, or null when not given; anything else is a bad request naming the parameter. */
    static Boolean flag(String name, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        return switch (given.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw PageException.badRequest(name + " must be true or false, not " + Echo.quoted(value));
        };
    }
}
