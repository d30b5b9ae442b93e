package dev.rustlens.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One clippy run of a crate copy for one view, cached in a directory of its own: cargo's JSON
 * messages ({@code <view>.json}), the files each unit compiled ({@code <view>.units}, read from
 * rustc's dep-info right after the run, because the shared target directory is rewritten by the
 * next crate) and the command ({@code <view>.command}); a cached run is reused while its command
 * is unchanged.
 *
 * @param command the cargo command
 * @param files the crate's files the view's units compiled (relative to the copy), each with those units
 * @param hits the view's lint hits in the crate's files
 * @param outside the view's lint hits whose span lies outside the crate
 * @param features the crate's features in the run
 * @param buildScriptCfgs the cfg options the crate's build script set
 */
record ClippyRun(String command, Map<String, Set<Unit>> files, List<LintHit> hits, List<LintHit> outside,
        List<String> features, List<String> buildScriptCfgs) {

    /** A compilation unit as far as cfg options go: its target kind and whether it is a test harness. */
    record Unit(String kind, boolean test) {
    }

    private static final Set<String> LINTS = Set.copyOf(CheckMapping.LINTS);

    /** Runs clippy when {@code force} or when no run with this command is cached, and reads the view's part. */
    static ClippyRun of(CorpusCrate crate, CrateCopy copy, View view, Path runs, Path cargoTarget, boolean force)
            throws IOException, InterruptedException {
        List<String> command = command(crate, view);
        String commandLine = String.join(" ", command);
        Files.createDirectories(runs);
        Path messages = runs.resolve(view.fileName() + ".json");
        Path units = runs.resolve(view.fileName() + ".units");
        Path commandFile = runs.resolve(view.fileName() + ".command");
        boolean cached = Files.isRegularFile(units) && Files.isRegularFile(commandFile)
                && Files.readString(commandFile).equals(commandLine + "\n");
        if (force || !cached) {
            Files.deleteIfExists(commandFile);
            Commands.run(command, copy.directory(), Map.of("CARGO_TARGET_DIR", cargoTarget.toAbsolutePath().toString()),
                    messages, runs.resolve(view.fileName() + ".stderr"));
            CargoMessages parsed = CargoMessages.parse(Files.readString(messages, StandardCharsets.UTF_8),
                    copy.directory().toAbsolutePath(), LINTS);
            Files.writeString(units, unitFiles(parsed.units(), copy.directory().toAbsolutePath()), StandardCharsets.UTF_8);
            Files.writeString(commandFile, commandLine + "\n", StandardCharsets.UTF_8);
        }
        CargoMessages parsed = CargoMessages.parse(Files.readString(messages, StandardCharsets.UTF_8),
                copy.directory().toAbsolutePath(), LINTS);
        Map<String, Set<Unit>> files = new LinkedHashMap<>();
        for (String line : Files.readAllLines(units, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            Unit unit = new Unit(fields[0], Boolean.parseBoolean(fields[1]));
            if (view.includes(unit.kind(), unit.test())) {
                files.computeIfAbsent(fields[2], file -> new LinkedHashSet<>()).add(unit);
            }
        }
        return new ClippyRun(commandLine, files,
                parsed.hits().stream().filter(hit -> view.includes(hit.targetKind(), false)).toList(),
                parsed.outside().stream().filter(hit -> view.includes(hit.targetKind(), false)).toList(),
                parsed.features(), parsed.buildScriptCfgs());
    }

    /** {@code cargo clippy} with exactly the compared lints: clippy's default groups silenced first, lint levels capped at warn. */
    static List<String> command(CorpusCrate crate, View view) {
        List<String> command = new ArrayList<>(List.of("cargo", "clippy", "--message-format=json"));
        command.addAll(view.targets(crate));
        command.addAll(crate.features());
        command.addAll(List.of("--", "-A", "clippy::all"));
        for (String lint : CheckMapping.LINTS) {
            command.addAll(List.of("-W", lint));
        }
        // A crate's #![deny(..)] would otherwise stop the build at its first hit.
        command.add("--cap-lints=warn");
        return command;
    }

    /** One line per compiled file of each unit: kind, test flag, path relative to the copy. */
    private static String unitFiles(List<CompiledUnit> units, Path copy) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (CompiledUnit unit : units) {
            for (Path file : DepInfo.rustFiles(Files.readString(depInfoOf(unit), StandardCharsets.UTF_8), copy)) {
                if (file.startsWith(copy)) {
                    lines.append(unit.kind()).append('\t').append(unit.test()).append('\t')
                            .append(copy.relativize(file)).append('\n');
                }
            }
        }
        return lines.toString();
    }

    /**
     * The dep-info file beside a unit's artifact, named by its hash: {@code deps/libx-<hash>.rmeta}
     * (or {@code examples/libx-<hash>.rmeta}, {@code .rlib}, {@code .so}) has {@code x-<hash>.d}
     * beside it; a build script
     * {@code build/x-<hash>/build-script-build} has
     * {@code build/x-<hash>/build_script_build-<hash>.d}.
     */
    static Path depInfoOf(CompiledUnit unit) throws IOException {
        Path artifact = Path.of(unit.artifact());
        String name = artifact.getFileName().toString();
        String hashed = unit.kind().equals("custom-build") ? artifact.getParent().getFileName().toString()
                : name.substring(0, name.lastIndexOf('.'));
        String suffix = hashed.substring(hashed.lastIndexOf('-')) + ".d";
        try (Stream<Path> siblings = Files.list(artifact.getParent())) {
            return siblings.filter(path -> path.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IOException("no dep-info file *" + suffix + " beside " + artifact));
        }
    }
}
