package dev.rustlens.notify;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries from the outbox, on any number of instances: every poll it claims
 * as many due deliveries as it has idle senders, and sends each on a sender thread of its own,
 * so that a receiver that hangs holds one sender for at most the delivery timeout and the other
 * deliveries go on. Scans never wait for it: they only insert rows.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);

    private final WebhookService webhooks;
    private final WebhookSender sender;
    private final CredentialCipher cipher;
    private final Semaphore idleSenders;
    private final ExecutorService senders;
    private volatile boolean stopping;

    public WebhookDeliverer(WebhookService webhooks, WebhookSender sender, CredentialCipher cipher,
            RustlensConfig config) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.cipher = cipher;
        int count = config.webhooks().senders();
        this.idleSenders = new Semaphore(count);
        AtomicInteger number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "rustlens-webhook-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        senders.shutdownNow();
    }

    /** Claims the due deliveries that idle senders can take, and hands each to one of them. */
    @Scheduled(every = "${rustlens.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        int idle = idleSenders.availablePermits();
        if (idle == 0 || stopping) {
            return;
        }
        try {
            for (WebhookStore.Due due : webhooks.claimDue(idle)) {
                // Never waits: only this method takes permits, one per claim, and it claimed no more than were free.
                idleSenders.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        attempt(due);
                    } finally {
                        idleSenders.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            // A database outage must not flood the log: the next poll tries again.
            LOG.warnf("could not claim due webhook deliveries (%s); trying again at the next poll", e.toString());
        }
    }

    private void attempt(WebhookStore.Due due) {
        DeliveryOutcome outcome;
        try {
            String secret = cipher.open(due.sealedSecret(), "webhook secret",
                    "Delete the webhook and add it again for a new secret.");
            outcome = sender.send(due, secret, () -> stopping);
        } catch (IllegalStateException e) {
            outcome = DeliveryOutcome.error(e.getMessage(), 0);
        }
        if (stopping) {
            // An attempt cut short by the shutdown is not the receiver's failure: the claim lapses, it is sent again.
            return;
        }
        try {
            webhooks.recordAttempt(due, outcome);
        } catch (RuntimeException e) {
            LOG.warnf("could not record delivery %d's attempt (%s); it is sent again when its claim lapses", due.id(),
                    e.toString());
        }
    }
}
