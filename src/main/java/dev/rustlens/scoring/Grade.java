package dev.rustlens.scoring;

/** A letter for a score, A best; the boundaries are in docs/scoring.md. */
public enum Grade {
    A(85), B(70), C(55), D(40), E(0);

    private final int minimum;

    Grade(int minimum) {
        this.minimum = minimum;
    }

    /** The lowest score with this grade. */
    public int minimum() {
        return minimum;
    }

    /** The highest score with this grade. */
    public int maximum() {
        return this == A ? 100 : values()[ordinal() - 1].minimum - 1;
    }

    /** The grade one better than this one (A stays A). */
    public Grade better() {
        return this == A ? A : values()[ordinal() - 1];
    }

    public static Grade of(int score) {
        for (Grade grade : values()) {
            if (score >= grade.minimum) {
                return grade;
            }
        }
        return E;
    }

    /** Whether this grade is at least as good as {@code other}. */
    public boolean atLeast(Grade other) {
        return ordinal() <= other.ordinal();
    }
}
