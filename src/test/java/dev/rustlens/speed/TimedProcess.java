package dev.rustlens.speed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process run to its end under {@code /usr/bin/time}: its wall and CPU seconds (user and
 * system) and its output. On a machine that other builds share, wall time says how much of the
 * cores a process got, CPU time what it cost.
 */
record TimedProcess(double wall, double cpu, String output) {

    private static final Pattern TIMES = Pattern.compile("^times wall=([0-9.]+) user=([0-9.]+) system=([0-9.]+)$",
            Pattern.MULTILINE);

    /** Runs {@code command}; fails unless it exits 0. */
    static TimedProcess run(List<String> command) throws Exception {
        List<String> timedCommand = new ArrayList<>(List.of("/usr/bin/time", "-f", "times wall=%e user=%U system=%S"));
        timedCommand.addAll(command);
        Process process = new ProcessBuilder(timedCommand).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher times = TIMES.matcher(output);
        if (process.waitFor() != 0 || !times.find()) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return new TimedProcess(Double.parseDouble(times.group(1)),
                Double.parseDouble(times.group(2)) + Double.parseDouble(times.group(3)), output);
    }
}
