package dev.rustlens.finding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.diagnostics.ImportedLints;
import dev.rustlens.text.VisibleText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes findings as SARIF 2.1.0, as GitHub code scanning accepts it: the tool with its rules
 * (from the check catalogue and each check's documentation, and the imported lints with a link to
 * their documentation), results with a repository-relative
 * location, a level, a message, partial fingerprints and suppressions (in the code, or by an
 * active triage mark), at most {@value #MAX_RESULTS_PER_RUN}
 * results per run. Written as a stream, one finding at a time, by the server's exports and by the
 * command-line scanner alike.
 */
public final class SarifExport implements AutoCloseable {

    /** GitHub code scanning accepts at most this many results in one run. */
    static final int MAX_RESULTS_PER_RUN = 25_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String HEX = "0123456789ABCDEF";
    /** Unreserved characters, sub-delimiters, {@code @} and {@code /}: what a URI path holds as it is. */
    private static final String PATH_CHARS = "-._~!$&'()*+,;=@/";

    private final JsonGenerator json;
    private final List<CheckInfo> rules;
    private final List<String> lints;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final String repositoryUri;
    private final String revision;
    private int resultsInRun;
    private boolean runOpen;

    /** {@code repositoryUri} and {@code revision} may be null (an uploaded archive has no URL). */
    public SarifExport(OutputStream output, List<CheckInfo> rules, String repositoryUri, String revision) throws IOException {
        this(output, rules, List.of(), repositoryUri, revision);
    }

    /** With rules for the imported lints ({@code clippy::…}, {@code rustc::…}) that the results name too. */
    public SarifExport(OutputStream output, List<CheckInfo> rules, List<String> lints, String repositoryUri,
            String revision) throws IOException {
        this.json = JSON.createGenerator(output);
        this.rules = rules;
        this.lints = lints;
        this.repositoryUri = repositoryUri;
        this.revision = revision;
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        for (int i = 0; i < lints.size(); i++) {
            ruleIndex.put(lints.get(i), rules.size() + i);
        }
        json.writeStartObject();
        json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
    }

    /** Writes one finding as a result. */
    public void result(FindingRow finding) throws IOException {
        if (!runOpen || resultsInRun == MAX_RESULTS_PER_RUN) {
            closeRun();
            openRun();
        }
        String checkId = finding.checkId();
        json.writeStartObject();
        json.writeStringField("ruleId", checkId);
        Integer index = ruleIndex.get(checkId);
        if (index != null) {
            json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", Severity.valueOf(finding.severity()).sarifLevel());
        json.writeObjectFieldStart("message");
        json.writeStringField("text", VisibleText.escape(finding.message()));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(finding.path()));
        json.writeStringField("uriBaseId", "%SRCROOT%");
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, finding.line()));
        json.writeNumberField("startColumn", Math.max(1, finding.column()));
        json.writeNumberField("endLine", Math.max(1, finding.endLine()));
        json.writeNumberField("endColumn", Math.max(1, finding.endColumn()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("rustlens/v1", finding.fingerprint());
        json.writeEndObject();
        boolean inSource = !"NONE".equals(finding.suppression());
        FindingRow.Triage triage = finding.triage();
        boolean triaged = triage != null && triage.active();
        if (inSource || triaged) {
            json.writeArrayFieldStart("suppressions");
            if (inSource) {
                json.writeStartObject();
                json.writeStringField("kind", "inSource");
                json.writeStringField("justification", "suppressed in the code (" + finding.suppression().toLowerCase(Locale.ROOT) + ")");
                json.writeEndObject();
            }
            if (triaged) {
                triageSuppression(triage);
            }
            json.writeEndArray();
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("crate", VisibleText.escape(finding.crate()));
        json.writeStringField("tracking", finding.tracking());
        json.writeBooleanField("inTestCode", finding.inTestCode());
        if (!finding.alsoReportedBy().isEmpty()) {
            json.writeArrayFieldStart("alsoReportedBy");
            for (String lint : finding.alsoReportedBy()) {
                json.writeString(lint);
            }
            json.writeEndArray();
        }
        if (finding.worth() != null) {
            json.writeStringField("rating", finding.worth().rating().name());
            json.writeNumberField("ratingPointsIfFixed", finding.worth().ratingPoints());
            json.writeNumberField("scorePointsIfFixed", finding.worth().scorePoints());
        }
        json.writeEndObject();
        json.writeEndObject();
        resultsInRun++;
    }

    /**
     * An active triage mark as an accepted external suppression (SARIF 2.1.0 §3.34), which GitHub
     * code scanning shows as dismissed, with the mark's reason as the justification.
     */
    private void triageSuppression(FindingRow.Triage triage) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", "external");
        json.writeStringField("status", "accepted");
        json.writeStringField("justification", VisibleText.escape(triage.reason()));
        json.writeObjectFieldStart("properties");
        json.writeStringField("triageStatus", triage.status());
        json.writeStringField("markedBy", VisibleText.escape(triage.markedBy()));
        json.writeStringField("markedAt", triage.markedAt().toString());
        if (triage.expiresAt() != null) {
            json.writeStringField("expiresAt", triage.expiresAt().toString());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        if (!runOpen) {
            openRun(); // a scan without findings still names the tool and its rules
        }
        closeRun();
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    private void openRun() throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "rustlens");
        json.writeStringField("semanticVersion", "0.1.0");
        json.writeArrayFieldStart("rules");
        for (CheckInfo rule : rules) {
            rule(rule);
        }
        for (String lint : lints) {
            lintRule(lint);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        if (repositoryUri != null && revision != null) {
            json.writeArrayFieldStart("versionControlProvenance");
            json.writeStartObject();
            json.writeStringField("repositoryUri", repositoryUri);
            json.writeStringField("revisionId", revision);
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeArrayFieldStart("results");
        runOpen = true;
        resultsInRun = 0;
    }

    private void closeRun() throws IOException {
        if (runOpen) {
            json.writeEndArray();
            json.writeEndObject();
            runOpen = false;
        }
    }

    private void rule(CheckInfo info) throws IOException {
        String doc = CheckCatalogue.documentation(info.id()).orElse(null);
        json.writeStartObject();
        json.writeStringField("id", info.id());
        json.writeStringField("name", camelCase(info.id()));
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", info.title());
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", info.title() + " (category " + info.category().name().toLowerCase(Locale.ROOT) + ").");
        json.writeEndObject();
        json.writeObjectFieldStart("help");
        json.writeStringField("text", doc == null ? info.title() : doc);
        if (doc != null) {
            json.writeStringField("markdown", doc);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", info.severity().sarifLevel());
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("rust");
        json.writeString(info.category().name().toLowerCase(Locale.ROOT));
        if (info.category().security()) {
            json.writeString("security");
        }
        json.writeEndArray();
        json.writeStringField("security-severity", info.severity().securitySeverity());
        json.writeStringField("precision", "high");
        json.writeEndObject();
        json.writeEndObject();
    }

    /** An imported lint's rule: what reported it, and where the lint is documented. */
    private void lintRule(String lint) throws IOException {
        String tool = lint.substring(0, lint.indexOf("::"));
        String name = lint.substring(lint.indexOf("::") + 2);
        String helpUri = ImportedLints.helpUri(lint);
        json.writeStartObject();
        json.writeStringField("id", lint);
        json.writeStringField("name", camelCase(name));
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", tool + " lint " + name);
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", "The " + tool + " lint " + name + ", imported from cargo's diagnostics.");
        json.writeEndObject();
        json.writeStringField("helpUri", helpUri);
        json.writeObjectFieldStart("help");
        json.writeStringField("text", "See " + helpUri);
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("rust");
        json.writeString(tool);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * A repository-relative path as a relative URI reference (RFC 3986): every byte of its UTF-8
     * form that is not allowed in a path percent-encoded, so that a space, {@code #}, {@code %} or
     * {@code ?} in a file name stays part of the path and bidi controls never show; {@code :} is
     * encoded too, as a first segment with one would read as a scheme.
     */
    static String uri(String path) {
        StringBuilder uri = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PATH_CHARS.indexOf(c) >= 0) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return uri.toString();
    }

    private static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
