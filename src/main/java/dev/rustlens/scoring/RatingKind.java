package dev.rustlens.scoring;

/** The five sub-ratings of a crate's score, after the principles of the review standard, with their weights. */
public enum RatingKind {
    UNSAFE("Unsafe", 35),
    PANICS("Panics", 15),
    DOCUMENTATION("Documentation", 20),
    VERIFICATION("Verification", 20),
    HYGIENE("Hygiene", 10);

    private final String title;
    private final int weight;

    RatingKind(String title, int weight) {
        this.title = title;
        this.weight = weight;
    }

    public String title() {
        return title;
    }

    /** Its weight in the crate's score (the weights add up to 100). */
    public int weight() {
        return weight;
    }
}
