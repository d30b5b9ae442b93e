package dev.rustlens.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /** The data of one event. */
    public record Progress(long id, String status, Integer filesDone, Integer filesTotal) {
        static Progress of(Scan scan) {
            return new Progress(scan.id, scan.status.name(), scan.filesDone, scan.filesTotal);
        }

        boolean ended() {
            return !Scan.Status.valueOf(status).active();
        }
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Progress of a scan as server-sent events until it ends")
    public void events(@PathParam("id") long id, @Context SseEventSink sink, @Context Sse sse) {
        if (read(id) == null) {
            throw new NotFoundException();
        }
        // The stream polls the scan row (progress is written there by whichever instance runs
        // the scan); a virtual thread per open stream keeps the event loop free.
        Thread.ofVirtual().name("rustlens-scan-events-" + id).start(() -> stream(id, sink, sse));
    }

    private static void stream(long id, SseEventSink sink, Sse sse) {
        long deadline = System.nanoTime() + MAX_STREAM.toNanos();
        Progress last = null;
        try (sink) {
            while (!sink.isClosed() && System.nanoTime() < deadline) {
                Progress now = read(id);
                if (now == null || now.ended()) {
                    sink.send(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(Progress.class, now == null ? new Progress(id, "deleted", null, null) : now).build());
                    return;
                }
                if (!Objects.equals(now, last)) {
                    sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(Progress.class, now).build());
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

    private static Progress read(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Scan scan = Scan.findById(id);
            return scan == null ? null : Progress.of(scan);
        });
    }
}
