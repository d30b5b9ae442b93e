package dev.rustlens.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.bench.BenchmarkAlertOpened;
import dev.rustlens.gate.GateStatusChanged;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.scan.ScanFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * Turns events into deliveries: each is observed synchronously, inside the transaction that stores
 * it, and queued as one outbox row per subscribed webhook. A scan never waits for a receiver, and a
 * delivery is lost neither when the server stops nor when the transaction rolls back (it was never
 * queued then, as the event never happened).
 */
@ApplicationScoped
class WebhookOutbox {

    private final WebhookStore store;
    private final RepositoryService repositories;
    private final ObjectMapper json;

    WebhookOutbox(WebhookStore store, RepositoryService repositories, ObjectMapper json) {
        this.store = store;
        this.repositories = repositories;
        this.json = json;
    }

    void onGateStatus(@Observes GateStatusChanged changed) {
        queue(changed.repositoryId(), WebhookEvent.gate_status, repository -> WebhookPayload.of(repository, changed));
    }

    void onScanFailed(@Observes ScanFailed failed) {
        queue(failed.repositoryId(), WebhookEvent.scan_failed, repository -> WebhookPayload.of(repository, failed));
    }

    void onBenchmarkAlert(@Observes BenchmarkAlertOpened opened) {
        queue(opened.alert().repositoryId(), WebhookEvent.benchmark_alert,
                repository -> WebhookPayload.of(repository, opened.alert()));
    }

    private void queue(long repositoryId, WebhookEvent event, Function<WebhookPayload.Repository, WebhookPayload> payload) {
        repositories.find(repositoryId).ifPresent(repository -> {
            try {
                store.enqueue(repositoryId, event, json.writeValueAsString(
                        payload.apply(new WebhookPayload.Repository(repository.id, repository.name))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a webhook payload as JSON", e);
            }
        });
    }
}
