package dev.rustlens.analysis.check;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether and how a finding was suppressed in the code; a suppressed finding is kept and counted. */
public enum Suppression {
    NONE,
    /** {@code #[allow(…)]} or {@code #[expect(…)]} naming a lint that is the check's twin. */
    LINT_ATTRIBUTE,
    /** A {@code // rustlens:allow(<id>)} comment. */
    COMMENT;

    private static final Pattern ALLOW_COMMENT = Pattern.compile("rustlens:allow\\(([a-z0-9_,\\s]+)\\)");

    /** The check ids that {@code rustlens:allow(<id>, ...)} comments in this text name. */
    public static Set<String> idsAllowedIn(String text) {
        Set<String> ids = new HashSet<>();
        if (text.contains("rustlens:allow")) {
            Matcher matcher = ALLOW_COMMENT.matcher(text);
            while (matcher.find()) {
                for (String id : matcher.group(1).split(",")) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }
}
