package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import java.util.regex.Pattern;

/** A crate with unsafe code while no CI configuration of the repository runs Miri. */
public final class MiriMissingInCiCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("miri_missing_in_ci",
            "Crate with unsafe code is not run under Miri in CI", Category.UNSAFE, Severity.MAJOR);

    /**
     * A line that runs Miri ({@code cargo miri}, {@code cargo +nightly miri}, {@code cargo-miri}) or
     * installs its component ({@code rustup component add miri}, a {@code components:} list naming
     * it), for CI that runs Miri from a script.
     */
    private static final Pattern MIRI = Pattern.compile(
            "\\bcargo\\s+(\\+\\S+\\s+)?miri\\b|\\bcargo-miri\\b|\\bcomponent\\s+add\\b.*\\bmiri\\b"
                    + "|\\bcomponents\\s*:.*\\bmiri\\b");
    /** A YAML or shell comment: {@code #} at the start of a line or after a space. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void check(CrateContext crate) {
        if (!crate.hasUnsafe() || crate.ciConfigurations().values().stream().anyMatch(MiriMissingInCiCheck::runsMiri)) {
            return;
        }
        String ci = crate.ciConfigurations().isEmpty()
                ? "the repository has no CI configuration (.github/workflows/, .gitlab-ci.yml)"
                : "none of the repository's CI configurations (" + String.join(", ", crate.ciConfigurations().keySet())
                        + ") runs Miri";
        crate.report(this, crate.crate().manifest().path(), "crate `" + crate.crate().name()
                + "` has unsafe code but " + ci + ": add a job that runs `cargo +nightly miri test`");
    }

    private static boolean runsMiri(String configuration) {
        return configuration.lines()
                .map(line -> COMMENT.matcher(line).replaceFirst(""))
                .anyMatch(line -> MIRI.matcher(line).find());
    }
}
