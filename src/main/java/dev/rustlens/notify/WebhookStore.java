package dev.rustlens.notify;

import static dev.rustlens.database.Columns.intOf;
import static dev.rustlens.database.Columns.longOf;
import static dev.rustlens.database.Columns.nullableIntOf;
import static dev.rustlens.database.Columns.nullableLongOf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The tables {@code webhook} and {@code webhook_delivery}, in the caller's transaction. Rows are
 * read by column name into records; nothing else writes these tables.
 */
@ApplicationScoped
class WebhookStore {

    private static final String WEBHOOK_COLUMNS = "id, repository_id, url, array_to_string(events, ',') as events,"
            + " active, created_by, created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event, status, attempts, next_attempt_at,"
            + " response_status, response_body, error, duration_ms, redelivery_of, created_at, last_attempt_at, payload";

    /** A delivery claimed for an attempt, with what sending it needs. */
    record Due(long id, String event, String payload, int attempts, String url, byte[] sealedSecret) {
    }

    /** How an attempt went, as stored. */
    record Attempt(String status, Duration retryIn, Integer responseStatus, String responseBody, String error,
            int durationMs) {
    }

    private final EntityManager entityManager;

    WebhookStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a webhook; empty when the repository has one for this URL already. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<WebhookView> insert(long repositoryId, String url, List<WebhookEvent> events, byte[] sealedSecret,
            String createdBy) {
        return session().createNativeQuery("""
                insert into webhook (repository_id, url, events, secret, created_by)
                values (?1, ?2, string_to_array(?3, ','), ?4, ?5)
                on conflict (repository_id, url) do nothing
                returning\s""" + WEBHOOK_COLUMNS, Tuple.class)
                .setParameter(1, repositoryId).setParameter(2, url)
                .setParameter(3, events.stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter(4, sealedSecret).setParameter(5, createdBy)
                .getResultStream().findFirst().map(WebhookStore::webhook);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    long count(long repositoryId) {
        return session().createNativeQuery("select count(*) from webhook where repository_id = ?1", Long.class)
                .setParameter(1, repositoryId).getSingleResult();
    }

    /** A repository's webhooks, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<WebhookView> list(long repositoryId) {
        return session().createNativeQuery("select " + WEBHOOK_COLUMNS + " from webhook where repository_id = ?1"
                + " order by id", Tuple.class).setParameter(1, repositoryId).getResultStream()
                .map(WebhookStore::webhook).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<WebhookView> find(long repositoryId, long webhookId) {
        return session().createNativeQuery("select " + WEBHOOK_COLUMNS + " from webhook where repository_id = ?1"
                + " and id = ?2", Tuple.class).setParameter(1, repositoryId).setParameter(2, webhookId)
                .getResultStream().findFirst().map(WebhookStore::webhook);
    }

    /** Deletes a webhook and its deliveries; false when the repository has no such webhook. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean delete(long repositoryId, long webhookId) {
        return session().createNativeMutationQuery("delete from webhook where repository_id = ?1 and id = ?2")
                .setParameter(1, repositoryId).setParameter(2, webhookId).executeUpdate() > 0;
    }

    /** Pauses ({@code active} false) or resumes a webhook; false when the repository has no such webhook. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean setActive(long repositoryId, long webhookId, boolean active) {
        return session().createNativeMutationQuery("update webhook set active = ?3 where repository_id = ?1 and id = ?2")
                .setParameter(1, repositoryId).setParameter(2, webhookId).setParameter(3, active).executeUpdate() > 0;
    }

    /** Queues one delivery of {@code payload} to each active webhook of the repository that takes {@code event}. */
    @Transactional(Transactional.TxType.MANDATORY)
    int enqueue(long repositoryId, WebhookEvent event, String payload) {
        return session().createNativeMutationQuery("""
                insert into webhook_delivery (webhook_id, event, payload)
                select id, ?2, ?3 from webhook where repository_id = ?1 and active and ?2 = any(events)""")
                .setParameter(1, repositoryId).setParameter(2, event.name()).setParameter(3, payload).executeUpdate();
    }

    /** A webhook's newest deliveries first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<DeliveryView> deliveries(long webhookId, Long beforeId, int limit) {
        return session().createNativeQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery where webhook_id = ?1"
                + " and id < ?3 order by id desc limit ?2", Tuple.class).setParameter(1, webhookId).setParameter(2, limit)
                .setParameter(3, beforeId == null ? Long.MAX_VALUE : beforeId)
                .getResultStream().map(WebhookStore::delivery).toList();
    }

    /** Queues the payload of a delivery of the webhook again, as a new delivery due now; empty when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<DeliveryView> redeliver(long webhookId, long deliveryId) {
        return session().createNativeQuery("""
                insert into webhook_delivery (webhook_id, event, payload, redelivery_of)
                select webhook_id, event, payload, id from webhook_delivery where webhook_id = ?1 and id = ?2
                returning\s""" + DELIVERY_COLUMNS, Tuple.class).setParameter(1, webhookId).setParameter(2, deliveryId)
                .getResultStream().findFirst().map(WebhookStore::delivery);
    }

    /**
     * Claims up to {@code limit} due deliveries of active webhooks, oldest due first, counting an
     * attempt each and moving them {@code lease} into the future: no other sender takes them
     * meanwhile, and if this one dies they come due again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Due> claim(int limit, Duration lease) {
        return session().createNativeQuery("""
                update webhook_delivery d set attempts = d.attempts + 1,
                    next_attempt_at = now() + make_interval(secs => ?2)
                from webhook w
                where w.id = d.webhook_id and d.id in (
                    select due.id from webhook_delivery due join webhook hook on hook.id = due.webhook_id
                    where due.status = 'pending' and due.next_attempt_at <= now() and hook.active
                    order by due.next_attempt_at limit ?1 for update of due skip locked)
                returning d.id, d.event, d.payload, d.attempts, w.url, w.secret""", Tuple.class)
                .setParameter(1, limit).setParameter(2, (double) lease.toMillis() / 1000).getResultStream()
                .map(row -> new Due(longOf(row, "id"), row.get("event", String.class), row.get("payload", String.class),
                        intOf(row, "attempts"), row.get("url", String.class), row.get("secret", byte[].class)))
                .toList();
    }

    /** Stores how an attempt went; a pending delivery comes due again after {@code retryIn}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(long deliveryId, Attempt attempt) {
        session().createNativeMutationQuery("""
                update webhook_delivery set status = ?2, next_attempt_at = now() + make_interval(secs => ?3),
                    response_status = ?4, response_body = ?5, error = ?6, duration_ms = ?7, last_attempt_at = now()
                where id = ?1""")
                .setParameter(1, deliveryId).setParameter(2, attempt.status())
                .setParameter(3, (double) attempt.retryIn().toMillis() / 1000)
                .setParameter(4, attempt.responseStatus(), Integer.class)
                .setParameter(5, attempt.responseBody(), String.class).setParameter(6, attempt.error(), String.class)
                .setParameter(7, attempt.durationMs()).executeUpdate();
    }

    private static WebhookView webhook(Tuple row) {
        return new WebhookView(longOf(row, "id"), longOf(row, "repository_id"), row.get("url", String.class),
                Arrays.asList(row.get("events", String.class).split(",")), row.get("active", Boolean.class),
                row.get("created_by", String.class), row.get("created_at", Instant.class));
    }

    private static DeliveryView delivery(Tuple row) {
        return new DeliveryView(longOf(row, "id"), longOf(row, "webhook_id"), row.get("event", String.class),
                row.get("status", String.class), intOf(row, "attempts"), row.get("next_attempt_at", Instant.class),
                nullableIntOf(row, "response_status"), row.get("response_body", String.class),
                row.get("error", String.class), nullableIntOf(row, "duration_ms"), nullableLongOf(row, "redelivery_of"),
                row.get("created_at", Instant.class), row.get("last_attempt_at", Instant.class),
                row.get("payload", String.class));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
