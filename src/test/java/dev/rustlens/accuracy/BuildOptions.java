package dev.rustlens.accuracy;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cfg options a unit of a clippy run was compiled with: the target's ({@code rustc --print
 * cfg}), {@code clippy}, the crate's features, its build script's cfgs (not in the build script
 * itself, which runs before them), and {@code test} in a test harness.
 */
final class BuildOptions {

    private BuildOptions() {
    }

    /** The target's options, as {@code rustc --print cfg} prints them ({@code unix}, {@code target_os="linux"}). */
    static Set<String> target() throws IOException, InterruptedException {
        return Set.copyOf(Commands.output(List.of("rustc", "--print", "cfg")).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList());
    }

    /** One option set per unit of the run that compiled {@code file}. */
    static List<Set<String>> of(ClippyRun run, String file, Set<String> target) {
        return run.files().getOrDefault(file, Set.of()).stream().map(unit -> {
            Set<String> options = new HashSet<>(target);
            options.add("clippy");
            run.features().forEach(feature -> options.add("feature=\"" + feature + "\""));
            if (!unit.kind().equals("custom-build")) {
                options.addAll(run.buildScriptCfgs());
            }
            if (unit.test()) {
                options.add("test");
            }
            return Set.copyOf(options);
        }).toList();
    }
}
