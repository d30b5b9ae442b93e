package dev.rustlens.scoring;

/** A letter for a score, A best; the boundaries are in docs/scoring.md. */
public enum Grade {
    A(90), B(80), C(70), D(55), E(0);

    private final int minimum;

    Grade(int minimum) {
        this.minimum = minimum;
    }

    /** The lowest score with this grade. */
    public int minimum() {
        return minimum;
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
