package dev.rustlens.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the external tools (apt-get, dpkg-deb, cargo), failing with their output when they fail. */
final class Commands {

    private Commands() {
    }

    /** Runs a command in {@code directory}; its output goes to the two files given. */
    static void run(List<String> command, Path directory, Map<String, String> environment, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            throw new IOException(String.join(" ", command) + " (in " + directory + ") exited with " + exit + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }

    /** Runs a command and returns what it printed (standard output and error together). */
    static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** Runs a command whose output only matters when it fails. */
    static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path log = Files.createTempFile("accuracy", ".log");
        try {
            run(command, directory, Map.of(), log, log);
        } finally {
            Files.delete(log);
        }
    }
}
