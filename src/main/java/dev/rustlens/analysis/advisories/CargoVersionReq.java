package dev.rustlens.analysis.advisories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.semver4j.Semver;

/**
 * A Cargo version requirement ({@code >= 1.2.3, < 1.5}, {@code ^0.2}, {@code 1.*}, {@code =1.0.0-rc.1}),
 * read and matched as the Rust {@code semver} crate (1.0, which Cargo uses) does: comparators joined
 * by commas must all match; a bare version is a caret requirement; partial versions leave the
 * missing parts open; build metadata is ignored. A pre-release version matches only when some
 * comparator names the same {@code major.minor.patch} with a pre-release of its own, so that
 * {@code >= 1.0.0} does not pull in {@code 2.0.0-alpha}. Checked against the crate itself in
 * {@code CargoVersionReqTest}.
 */
public final class CargoVersionReq {

    /** The crate refuses longer lists. */
    private static final int MAX_COMPARATORS = 32;

    private final String text;
    private final List<Comparator> comparators;

    private CargoVersionReq(String text, List<Comparator> comparators) {
        this.text = text;
        this.comparators = comparators;
    }

    /**
     * Reads a requirement.
     *
     * @throws IllegalArgumentException naming what is wrong, for a requirement Cargo refuses
     */
    public static CargoVersionReq parse(String text) {
        return new CargoVersionReq(text, new Reader(text).requirement());
    }

    /** The requirement as written. */
    public String text() {
        return text;
    }

    /** Whether the version meets the requirement; a version Cargo cannot read meets none. */
    public boolean matches(String version) {
        return CargoVersion.parse(version).map(this::matches).orElse(false);
    }

    /** Whether the version meets the requirement. */
    public boolean matches(CargoVersion version) {
        for (Comparator comparator : comparators) {
            if (!comparator.matches(version)) {
                return false;
            }
        }
        if (!version.isPreRelease()) {
            return true;
        }
        for (Comparator comparator : comparators) {
            if (comparator.admitsPreReleaseOf(version)) {
                return true;
            }
        }
        return false;
    }

    /** Requirements are equal when written alike (so are advisories read twice from the same text). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CargoVersionReq req && req.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** How a comparator compares. */
    private enum Op {
        EXACT, GREATER, GREATER_EQ, LESS, LESS_EQ, TILDE, CARET, WILDCARD
    }

    /**
     * One comparator; {@code minor} and {@code patch} are -1 when left out, and {@code version} is
     * its full version (with pre-release) when it names a patch, for SemVer precedence.
     */
    private record Comparator(Op op, long major, long minor, long patch, boolean hasPre, Semver version) {

        boolean matches(CargoVersion v) {
            return switch (op) {
                case EXACT, WILDCARD -> exact(v);
                case GREATER -> greater(v);
                case GREATER_EQ -> exact(v) || greater(v);
                case LESS -> less(v);
                case LESS_EQ -> exact(v) || less(v);
                case TILDE -> tilde(v);
                case CARET -> caret(v);
            };
        }

        /** A pre-release version may match only a comparator naming its release with a pre-release. */
        boolean admitsPreReleaseOf(CargoVersion v) {
            return hasPre && major == v.major() && minor == v.minor() && patch == v.patch();
        }

        /**
         * The pre-release order of {@code v} against this comparator's, their {@code major.minor.patch}
         * being equal: no pre-release ranks above any.
         */
        private int preOrder(CargoVersion v) {
            if (version != null) {
                return v.compareTo(version);
            }
            return v.isPreRelease() ? -1 : 0; // a partial comparator has no pre-release
        }

        private boolean exact(CargoVersion v) {
            return v.major() == major && (minor < 0 || v.minor() == minor) && (patch < 0 || v.patch() == patch)
                    && preOrder(v) == 0;
        }

        private boolean greater(CargoVersion v) {
            if (v.major() != major) {
                return v.major() > major;
            }
            if (minor < 0) {
                return false;
            }
            if (v.minor() != minor) {
                return v.minor() > minor;
            }
            if (patch < 0) {
                return false;
            }
            if (v.patch() != patch) {
                return v.patch() > patch;
            }
            return preOrder(v) > 0;
        }

        private boolean less(CargoVersion v) {
            if (v.major() != major) {
                return v.major() < major;
            }
            if (minor < 0) {
                return false;
            }
            if (v.minor() != minor) {
                return v.minor() < minor;
            }
            if (patch < 0) {
                return false;
            }
            if (v.patch() != patch) {
                return v.patch() < patch;
            }
            return preOrder(v) < 0;
        }

        private boolean tilde(CargoVersion v) {
            if (v.major() != major || minor >= 0 && v.minor() != minor) {
                return false;
            }
            if (patch >= 0 && v.patch() != patch) {
                return v.patch() > patch;
            }
            return preOrder(v) >= 0;
        }

        private boolean caret(CargoVersion v) {
            if (v.major() != major) {
                return false;
            }
            if (minor < 0) {
                return true;
            }
            if (patch < 0) {
                return major > 0 ? v.minor() >= minor : v.minor() == minor;
            }
            if (major > 0) {
                if (v.minor() != minor) {
                    return v.minor() > minor;
                }
                if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (minor > 0) {
                if (v.minor() != minor) {
                    return false;
                }
                if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (v.minor() != minor || v.patch() != patch) {
                return false;
            }
            return preOrder(v) >= 0;
        }
    }

    /** Reads a requirement left to right; only spaces count as white space, as in the crate. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        List<Comparator> requirement() {
            skipSpaces();
            if (wildcard()) {
                skipSpaces();
                if (at == text.length()) {
                    return List.of(); // "*": any release
                }
                throw fail(peek() == ',' ? "a wildcard must be the only comparator"
                        : "unexpected '" + peek() + "' after a wildcard");
            }
            List<Comparator> comparators = new ArrayList<>();
            while (true) {
                comparators.add(comparator());
                if (at == text.length()) {
                    return List.copyOf(comparators);
                }
                if (peek() != ',') {
                    throw fail("expected a comma, found '" + peek() + "'");
                }
                if (comparators.size() == MAX_COMPARATORS) {
                    throw fail("more than " + MAX_COMPARATORS + " comparators");
                }
                at++;
                skipSpaces();
            }
        }

        private Comparator comparator() {
            Op written = op();
            boolean defaultOp = written == null;
            Op op = defaultOp ? Op.CARET : written;
            skipSpaces();
            long major = number("major");
            long minor = -1;
            long patch = -1;
            boolean minorWildcard = false;
            if (take('.')) {
                if (wildcard()) {
                    minorWildcard = true;
                    op = defaultOp ? Op.WILDCARD : op;
                } else {
                    minor = number("minor");
                }
            }
            if (take('.')) {
                if (wildcard()) {
                    op = defaultOp ? Op.WILDCARD : op;
                } else if (minorWildcard) {
                    throw fail("unexpected patch number after a wildcard");
                } else {
                    patch = number("patch");
                }
            }
            String pre = "";
            if (patch >= 0 && take('-')) {
                pre = identifiers("pre-release", true);
            }
            if (patch >= 0 && take('+')) {
                identifiers("build metadata", false);
            }
            skipSpaces();
            Semver version = patch >= 0 && major <= Integer.MAX_VALUE && minor <= Integer.MAX_VALUE
                    && patch <= Integer.MAX_VALUE
                    ? Semver.parse(major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre)) : null;
            return new Comparator(op, major, minor, patch, !pre.isEmpty(), version);
        }

        /** The written operator, or null for none (a caret, or a wildcard's match). */
        private Op op() {
            if (take('=')) {
                return Op.EXACT;
            }
            if (take('>')) {
                return take('=') ? Op.GREATER_EQ : Op.GREATER;
            }
            if (take('<')) {
                return take('=') ? Op.LESS_EQ : Op.LESS;
            }
            if (take('~')) {
                return Op.TILDE;
            }
            return take('^') ? Op.CARET : null;
        }

        /** A decimal number without leading zeros that fits the crate's unsigned 64 bits (Java's 63 here). */
        private long number(String part) {
            int begin = at;
            long value = 0;
            while (at < text.length() && isDigit(peek())) {
                if (value == 0 && at > begin) {
                    throw fail("the " + part + " version number has a leading zero");
                }
                try {
                    value = Math.addExact(Math.multiplyExact(value, 10), peek() - '0');
                } catch (ArithmeticException e) {
                    throw fail("the " + part + " version number is too large");
                }
                at++;
            }
            if (at == begin) {
                throw fail(at == text.length() ? "the " + part + " version number is missing"
                        : "unexpected '" + peek() + "' where the " + part + " version number belongs");
            }
            return value;
        }

        /** Dot-separated identifiers of ASCII letters, digits and hyphens; none may be empty. */
        private String identifiers(String part, boolean noLeadingZero) {
            int begin = at;
            while (true) {
                int segment = at;
                boolean digitsOnly = true;
                while (at < text.length() && (isDigit(peek()) || isLetter(peek()) || peek() == '-')) {
                    digitsOnly &= isDigit(peek());
                    at++;
                }
                if (at == segment) {
                    throw fail("empty " + part + " identifier");
                }
                if (noLeadingZero && digitsOnly && at - segment > 1 && text.charAt(segment) == '0') {
                    throw fail("a numeric " + part + " identifier has a leading zero");
                }
                if (!take('.')) {
                    return text.substring(begin, at);
                }
            }
        }

        private boolean wildcard() {
            return take('*') || take('x') || take('X');
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private char peek() {
            return text.charAt(at);
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "invalid version requirement \"%s\": %s (at character %d)",
                    text, problem, at + 1));
        }
    }
}
