package dev.rustlens.scan;

import dev.rustlens.scan.ScanQueries.ScanProgress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A scan's progress as Server-Sent Events: {@code progress} events while it is queued or running,
 * then one {@code end} event with its final status, after which the stream closes.
 */
@Path("/api/v1/scans")
@Tag(name = "Scans")
public class ScanEventsResource {

    private static final Logger LOG = Logger.getLogger(ScanEventsResource.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A stream is closed after this long even if the scan is still running; the browser reconnects. */
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final ScanQueries queries;

    public ScanEventsResource(ScanQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "ScanProgress of a scan as server-sent events until it ends")
    @APIResponse(responseCode = "200",
            description = "Progress events (ScanProgress as JSON data) until the scan ends",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = ScanQueries.ScanProgress.class)))
    public void events(@PathParam("id") long id, @Context SseEventSink sink, @Context Sse sse) {
        if (queries.progress(id).isEmpty()) {
            throw new NotFoundException();
        }
        // The stream polls the scan row (progress is written there by whichever instance runs
        // the scan); a virtual thread per open stream keeps the event loop free.
        Thread.ofVirtual().name("rustlens-scan-events-" + id).start(() -> stream(id, sink, sse));
    }

    private void stream(long id, SseEventSink sink, Sse sse) {
        long deadline = System.nanoTime() + MAX_STREAM.toNanos();
        ScanProgress last = null;
        try (sink) {
            while (!sink.isClosed() && System.nanoTime() < deadline) {
                ScanProgress now = queries.progress(id).orElse(null);
                if (now == null || now.ended()) {
                    sink.send(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(ScanProgress.class, now == null ? new ScanProgress(id, "deleted", null, null) : now).build());
                    return;
                }
                if (!Objects.equals(now, last)) {
                    sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(ScanProgress.class, now).build());
                    last = now;
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf(e, "progress stream of scan %d ended", id);
        }
    }
}
