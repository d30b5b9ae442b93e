package dev.rustlens.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rustlens.gate.GateService.GateStatus;
import dev.rustlens.gate.GateVerdict;
import dev.rustlens.scan.ScanUpload;
import java.io.IOException;
import java.util.List;

/**
 * An upload to the server and the server's verdict on it: the gate of the repository, judged on
 * the scan the server stored, as the gate would judge a scan it ran itself.
 *
 * @param status the server's answer
 * @param judged the verdict in the scanner's terms, for printing
 */
record UploadedVerdict(GateStatus status, LocalGate.Verdict judged) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** POSTs {@code upload} to the repository's uploads and reads the verdict. */
    static UploadedVerdict send(ServerClient server, long repository, ScanUpload upload) throws UsageError {
        byte[] answer;
        try {
            answer = server.post("/api/v1/repositories/" + repository + "/uploads", JSON.writeValueAsBytes(upload));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the upload as JSON", e);
        }
        GateStatus status;
        try {
            status = JSON.readValue(answer, GateStatus.class);
        } catch (IOException e) {
            throw new UsageError("the server's answer to the upload is not a gate status: " + ScanReport.oneLine(e));
        }
        if (status.verdict() == null) {
            throw new UsageError("the server stored scan " + status.scanId() + " but gave no verdict (" + status.status()
                    + ")");
        }
        GateVerdict verdict = status.verdict();
        List<LocalGate.Judged> conditions = verdict.conditions().stream().map(result -> new LocalGate.Judged(
                result.condition(), result.passed() ? LocalGate.Outcome.PASSED : LocalGate.Outcome.FAILED,
                result.actual(), result.expected())).toList();
        String newCode = verdict.baselineScanId() == null ? "new findings: no baseline scan on the server yet"
                : "new findings: not in scan " + verdict.baselineScanId() + " (the server's baseline)";
        long newFindings = verdict.newCode() == null ? 0 : verdict.newCode().newFindings();
        return new UploadedVerdict(status, new LocalGate.Verdict(conditions, newCode + ", " + newFindings + " in all"));
    }
}
