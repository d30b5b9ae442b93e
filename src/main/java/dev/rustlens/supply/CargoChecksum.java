package dev.rustlens.supply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an unpacked package against Cargo.lock's checksum through its {@code .cargo-checksum.json}
 * (written by {@code cargo vendor} and by Debian's packaging): its {@code "package"} must be the
 * locked checksum, and every file its {@code "files"} map lists must have the SHA-256 given there.
 */
final class CargoChecksum {

    static final String FILE = ".cargo-checksum.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 16L << 20;

    private CargoChecksum() {
    }

    /** Why {@code tree} is not the package locked with {@code checksum}, or empty when it is. */
    static Optional<String> mismatch(SourceTree tree, String checksum) throws IOException {
        Map<String, SourceFile> files = new HashMap<>();
        tree.files().forEach(file -> files.put(file.path(), file));
        SourceFile manifest = files.get(FILE);
        if (manifest == null) {
            return Optional.of(FILE + " is missing, so nothing says which package this is");
        }
        if (manifest.size() > MAX_BYTES) {
            return Optional.of(FILE + " is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(tree.read(manifest));
        } catch (JsonProcessingException e) {
            return Optional.of(FILE + " is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        String locked = json.path("package").asText("");
        if (!locked.equals(checksum)) {
            return Optional.of(FILE + " gives the package checksum " + (locked.isEmpty() ? "(none)" : locked)
                    + ", Cargo.lock " + checksum);
        }
        for (Map.Entry<String, JsonNode> entry : json.path("files").properties()) {
            SourceFile file = files.get(entry.getKey());
            if (file == null) {
                return Optional.of(FILE + " lists " + entry.getKey() + ", which is missing");
            }
            String actual = sha256(tree.read(file));
            if (!actual.equals(entry.getValue().asText())) {
                return Optional.of(entry.getKey() + " has SHA-256 " + actual + ", " + FILE + " says "
                        + entry.getValue().asText());
            }
        }
        return Optional.empty();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
