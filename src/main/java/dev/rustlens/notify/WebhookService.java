package dev.rustlens.notify;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registers a repository's webhooks (an https:// URL the outbound policy allows, the events it
 * takes, a new secret shown once), lists them with their deliveries, deletes them and queues a
 * delivery again; and, for the deliverer, claims due deliveries and records how each attempt went.
 */
@ApplicationScoped
public class WebhookService {

    /** Most webhooks of one repository. */
    static final int MAX_PER_REPOSITORY = 20;
    /** Longest webhook URL. */
    static final int MAX_URL_LENGTH = 2000;
    /** Most deliveries listed at once. */
    public static final int MAX_DELIVERIES_LISTED = 200;

    /** A webhook just registered, with its secret: the only time the secret leaves rustlens. */
    public record Registered(WebhookView webhook, String secret) {
    }

    private final WebhookStore store;
    private final CredentialCipher cipher;
    private final OutboundPolicy outbound;
    private final RepositoryService repositories;
    private final RetrySchedule retries;
    private final Duration lease;

    public WebhookService(WebhookStore store, CredentialCipher cipher, OutboundPolicy outbound,
            RepositoryService repositories, RustlensConfig config) {
        this.store = store;
        this.cipher = cipher;
        this.outbound = outbound;
        this.repositories = repositories;
        this.retries = RetrySchedule.of(config.webhooks());
        // Past the longest attempt, with room to record it: only a sender that died leaves a claim to lapse.
        this.lease = config.webhooks().timeout().plusMinutes(1);
    }

    /**
     * Registers a webhook of the repository for {@code events} (every event when null).
     *
     * @throws BadRequest when the URL is not an https:// URL rustlens may send to, an event is unknown,
     *         or the repository has {@value #MAX_PER_REPOSITORY} webhooks
     * @throws DuplicateNameException when the repository has a webhook for this URL already
     * @throws NotFoundException when there is no such repository
     */
    @Transactional
    public Registered register(long repositoryId, String url, List<String> events, String createdBy) {
        requireRepository(repositoryId);
        String checked = validUrl(url);
        List<WebhookEvent> wanted = WebhookEvent.parse(events);
        if (store.count(repositoryId) >= MAX_PER_REPOSITORY) {
            throw new BadRequest("a repository has at most " + MAX_PER_REPOSITORY + " webhooks: delete one first");
        }
        String secret = WebhookSignature.newSecret();
        WebhookView webhook = store.insert(repositoryId, checked, wanted, cipher.seal(secret), createdBy)
                .orElseThrow(() -> new DuplicateNameException("this repository has a webhook for " + checked
                        + " already"));
        return new Registered(webhook, secret);
    }

    /** The repository's webhooks, oldest first. */
    @Transactional
    public List<WebhookView> list(long repositoryId) {
        requireRepository(repositoryId);
        return store.list(repositoryId);
    }

    /** One webhook of the repository. */
    @Transactional
    public WebhookView find(long repositoryId, long webhookId) {
        return store.find(repositoryId, webhookId)
                .orElseThrow(() -> new NotFoundException("repository " + repositoryId + " has no webhook " + webhookId));
    }

    /**
     * Pauses or resumes a webhook of the repository: a paused one is told of no new event, and its
     * pending deliveries wait until it is resumed.
     */
    @Transactional
    public WebhookView setActive(long repositoryId, long webhookId, boolean active) {
        if (!store.setActive(repositoryId, webhookId, active)) {
            throw new NotFoundException("repository " + repositoryId + " has no webhook " + webhookId);
        }
        return find(repositoryId, webhookId);
    }

    /** Deletes a webhook of the repository with its deliveries. */
    @Transactional
    public void delete(long repositoryId, long webhookId) {
        if (!store.delete(repositoryId, webhookId)) {
            throw new NotFoundException("repository " + repositoryId + " has no webhook " + webhookId);
        }
    }

    /** The newest {@code limit} deliveries of a webhook of the repository, newest first. */
    public List<DeliveryView> deliveries(long repositoryId, long webhookId, int limit) {
        return deliveries(repositoryId, webhookId, null, limit);
    }

    /**
     * Up to {@code limit} deliveries of a webhook of the repository older than the delivery
     * {@code beforeId} (from the newest when null), newest first.
     */
    @Transactional
    public List<DeliveryView> deliveries(long repositoryId, long webhookId, Long beforeId, int limit) {
        return store.deliveries(find(repositoryId, webhookId).id(), beforeId, limit);
    }

    /** Sends the payload of a delivery again, as a new delivery due now (whatever became of the first). */
    @Transactional
    public DeliveryView redeliver(long repositoryId, long webhookId, long deliveryId) {
        return store.redeliver(find(repositoryId, webhookId).id(), deliveryId)
                .orElseThrow(() -> new NotFoundException("webhook " + webhookId + " has no delivery " + deliveryId));
    }

    /** Claims up to {@code limit} due deliveries for this instance to send now. */
    @Transactional
    List<WebhookStore.Due> claimDue(int limit) {
        return store.claim(limit, lease);
    }

    /** Records an attempt: succeeded on a 2xx answer, else due again after the schedule's wait, or failed after the last. */
    @Transactional
    void recordAttempt(WebhookStore.Due due, DeliveryOutcome outcome) {
        Optional<Duration> retry = outcome.succeeded() ? Optional.empty() : retries.waitAfter(due.attempts());
        String status = outcome.succeeded() ? "succeeded" : retry.isPresent() ? "pending" : "failed";
        store.record(due.id(), new WebhookStore.Attempt(status, retry.orElse(Duration.ZERO), outcome.responseStatus(),
                outcome.responseBody(), outcome.error(), outcome.durationMs()));
    }

    private void requireRepository(long repositoryId) {
        if (repositories.find(repositoryId).isEmpty()) {
            throw new NotFoundException("no repository " + repositoryId);
        }
    }

    /** The URL when rustlens may send to it: https://, a host, no credentials, no address the policy refuses. */
    private String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new BadRequest("url is required: the https:// URL that receives the deliveries");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new BadRequest("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new BadRequest("url is not a valid URL: " + e.getReason(), e);
        }
        if (!"https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new BadRequest("a webhook URL must start with https:// (deliveries carry repository details"
                    + " and are sent encrypted only), not " + Echo.quoted(uri.getScheme() == null ? trimmed
                            : uri.getScheme() + "://"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new BadRequest("url has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new BadRequest("url must not carry credentials: the receiver checks the signature instead");
        }
        try {
            outbound.checkLiteralHost(uri);
        } catch (OutboundRefused e) {
            throw new BadRequest(e.getMessage(), e);
        }
        return trimmed;
    }
}
