package dev.rustlens.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@code cargo clippy --message-format=json} run said about the crate itself: the units it
 * compiled and the lints asked for. Messages of dependencies are left out.
 *
 * @param units the crate's compilation units
 * @param hits the lints whose primary span lies in the crate's files
 * @param outside the lints whose primary span lies outside the crate (in an external crate's
 *     macro): they have no place in the crate, and are only counted
 * @param features the crate's features in this run
 * @param buildScriptCfgs the cfg options the crate's build script set ({@code cargo:rustc-cfg})
 */
record CargoMessages(List<CompiledUnit> units, List<LintHit> hits, List<LintHit> outside, List<String> features,
        List<String> buildScriptCfgs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads cargo's JSON lines for the crate in {@code crateDir}, keeping the lints in {@code lints}.
     * A lint in a local macro_rules! body or in a macro's argument keeps its primary span, which is
     * the user's own file and line.
     */
    static CargoMessages parse(String jsonLines, Path crateDir, Set<String> lints) {
        String manifest = crateDir.resolve("Cargo.toml").toString();
        List<CompiledUnit> units = new ArrayList<>();
        List<LintHit> hits = new ArrayList<>();
        List<LintHit> outside = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        List<String> buildScriptCfgs = new ArrayList<>();
        Set<String> packageIds = new HashSet<>();
        for (String line : jsonLines.lines().toList()) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode message = read(line);
            // A build script's output names its package only by id, known from the crate's artifacts.
            if (message.path("reason").asText().equals("build-script-executed")
                    && packageIds.contains(message.path("package_id").asText())) {
                message.path("cfgs").forEach(cfg -> buildScriptCfgs.add(cfg.asText()));
            }
            if (!manifest.equals(message.path("manifest_path").asText())) {
                continue;
            }
            packageIds.add(message.path("package_id").asText());
            message.path("features").forEach(feature -> features.add(feature.asText()));
            JsonNode target = message.path("target");
            String kind = target.path("kind").path(0).asText();
            switch (message.path("reason").asText()) {
                case "compiler-artifact" -> units.add(new CompiledUnit(kind, target.path("name").asText(),
                        message.path("profile").path("test").asBoolean(), message.path("filenames").path(0).asText()));
                case "compiler-message" -> {
                    JsonNode diagnostic = message.path("message");
                    String lint = diagnostic.path("code").path("code").asText();
                    if (lints.contains(lint)) {
                        primarySpan(diagnostic).ifPresent(span -> {
                            LintHit hit = hit(lint, diagnostic.path("message").asText(), kind, span, crateDir);
                            (hit.file().startsWith("/") || hit.file().startsWith("<") ? outside : hits).add(hit);
                        });
                    }
                }
                default -> {
                    // build-finished: nothing about files or lints
                }
            }
        }
        return new CargoMessages(List.copyOf(units), List.copyOf(hits), List.copyOf(outside), List.copyOf(features),
                List.copyOf(buildScriptCfgs));
    }

    private static Optional<JsonNode> primarySpan(JsonNode diagnostic) {
        for (JsonNode span : diagnostic.path("spans")) {
            if (span.path("is_primary").asBoolean()) {
                return Optional.of(span);
            }
        }
        return Optional.empty();
    }

    private static LintHit hit(String lint, String message, String kind, JsonNode span, Path crateDir) {
        String file = span.path("file_name").asText();
        if (file.startsWith("/") && Path.of(file).startsWith(crateDir)) {
            file = crateDir.relativize(Path.of(file)).toString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode line : span.path("text")) {
            String source = line.path("text").asText();
            int from = Math.clamp(line.path("highlight_start").asInt() - 1L, 0, source.length());
            int to = Math.clamp(line.path("highlight_end").asInt() - 1L, from, source.length());
            text.append(text.isEmpty() ? "" : "\n").append(source, from, to);
        }
        return new LintHit(lint, message, kind, file, span.path("line_start").asInt(), span.path("column_start").asInt(),
                span.path("line_end").asInt(), text.toString());
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a cargo JSON message: " + line, e);
        }
    }
}
