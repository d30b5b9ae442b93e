package dev.rustlens.http;

import dev.rustlens.text.Echo;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a parameter that takes one of a closed set of names (an enum's constants, or one wire name
 * per constant): anything else is a {@link BadRequest} naming the parameter, the names it takes
 * and what was sent, worded the same by every endpoint.
 */
public final class Choices {

    private Choices() {
    }

    /** The constant of {@code type} named {@code value} exactly; null when the value is absent or blank. */
    public static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
        return parse(parameter, value, type, Enum::name);
    }

    /** The constant of {@code type} whose {@code name} is {@code value}; null when the value is absent or blank. */
    public static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type, Function<E, String> name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (name.apply(constant).equals(value)) {
                return constant;
            }
        }
        throw refusal(parameter, value, Arrays.stream(constants).map(name).toList());
    }

    /** The constant of {@code type} whose {@code name} is {@code value}, which must be given. */
    public static <E extends Enum<E>> E require(String parameter, String value, Class<E> type, Function<E, String> name) {
        E constant = parse(parameter, value, type, name);
        if (constant == null) {
            throw refusal(parameter, value, Arrays.stream(type.getEnumConstants()).map(name).toList());
        }
        return constant;
    }

    /** {@code value} when it is one of {@code names}, which it must be. */
    public static String require(String parameter, String value, List<String> names) {
        if (parse(parameter, value, names) == null) {
            throw refusal(parameter, value, names);
        }
        return value;
    }

    /** {@code value} when it is one of {@code names}; null when it is absent or blank. */
    public static String parse(String parameter, String value, List<String> names) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!names.contains(value)) {
            throw refusal(parameter, value, names);
        }
        return value;
    }

    /** The refusal of {@code value} for {@code parameter}, e.g. {@code kind must be git or archive, not 'x'}. */
    private static BadRequest refusal(String parameter, String value, List<String> names) {
        return new BadRequest(parameter + " must be " + (names.size() > 2 ? "one of " : "") + listed(names) + ", not "
                + Echo.quoted(value));
    }

    /** {@code a, b or c}. */
    private static String listed(List<String> names) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
