package dev.rustlens.accuracy;

import dev.rustlens.analysis.check.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a finding's place is compiled by a view's build: whether, for some unit that read its
 * file, every {@code #[cfg(..)]} around it holds. rustlens reads every cfg branch; clippy only the
 * ones its build compiles, so a finding under a cfg that is off has no clippy answer.
 */
final class CfgFilter implements CrateComparison.Compiled, AutoCloseable {

    private final Path crate;
    private final Set<String> target;
    private final Map<String, CfgScopes> scopes = new HashMap<>();
    private final Map<String, List<Integer>> lineStarts = new HashMap<>();

    CfgFilter(Path crate, Set<String> target) {
        this.crate = crate;
        this.target = target;
    }

    @Override
    public boolean at(ClippyRun run, Finding finding) {
        String file = finding.path();
        if (!scopes.containsKey(file)) {
            String source = read(file);
            scopes.put(file, new CfgScopes(source));
            lineStarts.put(file, lineStarts(source));
        }
        int offset = lineStarts.get(file).get(finding.line() - 1) + finding.column() - 1;
        List<CfgPredicate> predicates = scopes.get(file).around(offset).stream().map(CfgPredicate::parse).toList();
        return BuildOptions.of(run, file, target).stream()
                .anyMatch(options -> predicates.stream().allMatch(predicate -> predicate.holds(options)));
    }

    private String read(String file) {
        try {
            return Files.readString(crate.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> lineStarts(String source) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
            starts.add(at + 1);
        }
        return starts;
    }

    @Override
    public void close() {
        scopes.values().forEach(CfgScopes::close);
    }
}
