package dev.rustlens.notify;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.database.StorableText;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.outbound.OutboundSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;

/**
 * Sends one delivery: a signed JSON POST over the outbound policy's session, so an internal
 * address is refused at connect time and a receiver that hangs or trickles is cut off at the
 * session's budget. Never throws: every failure is an outcome with a message for the admin page.
 */
@ApplicationScoped
class WebhookSender {

    /** How much of an answer is kept: enough to see what the receiver said. */
    static final int RESPONSE_EXCERPT_BYTES = 1024;

    private final OutboundPolicy outbound;
    private final Duration budget;

    WebhookSender(OutboundPolicy outbound, RustlensConfig config) {
        this.outbound = outbound;
        this.budget = config.webhooks().timeout();
    }

    /** POSTs the delivery's payload to its URL, signed with {@code secret}; {@code stop} aborts it (shutdown). */
    DeliveryOutcome send(WebhookStore.Due due, String secret, BooleanSupplier stop) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        OutboundSession session = outbound.open(budget, stop);
        try (session) {
            HttpURLConnection connection = session.connection(URI.create(due.url()).toURL());
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("User-Agent", "rustlens-webhook");
            connection.setRequestProperty("X-Rustlens-Event", due.event());
            connection.setRequestProperty("X-Rustlens-Delivery", Long.toString(due.id()));
            connection.setRequestProperty(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer = excerpt(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            String error = status / 100 == 3 ? "redirects are not followed: the webhook's URL must be the receiver's"
                    : null;
            return new DeliveryOutcome(status, answer, error, millisSince(started));
        } catch (IOException e) {
            return DeliveryOutcome.error(describe(e, session), millisSince(started));
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.error("the webhook's URL is not a valid URL", millisSince(started));
        }
    }

    /** What went wrong, in words an admin can act on; never a stack trace. */
    private String describe(IOException e, OutboundSession session) {
        if (session.ending() == OutboundSession.Ending.BUDGET_EXCEEDED) {
            return "no complete answer within " + budget.toSeconds() + " s (rustlens.webhooks.timeout)";
        }
        if (session.ending() == OutboundSession.Ending.STOPPED) {
            return "stopped: rustlens shut down during the attempt";
        }
        return switch (e) {
            case OutboundRefused refused -> refused.getMessage();
            case SocketTimeoutException timeout -> "the receiver did not answer in time (" + timeout.getMessage() + ")";
            case UnknownHostException unknown -> "unknown host " + unknown.getMessage();
            case SSLException tls -> "TLS failed: " + tls.getMessage();
            default -> "cannot deliver: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        };
    }

    /** The first bytes of an answer as text; the rest is not read. */
    private static String excerpt(InputStream answer) throws IOException {
        if (answer == null) {
            return null;
        }
        try (answer) {
            return StorableText.of(new String(answer.readNBytes(RESPONSE_EXCERPT_BYTES), StandardCharsets.UTF_8));
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
