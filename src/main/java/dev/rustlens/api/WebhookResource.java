package dev.rustlens.api;

import dev.rustlens.auth.Role;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageCursor;
import dev.rustlens.notify.DeliveryView;
import dev.rustlens.notify.WebhookService;
import dev.rustlens.notify.WebhookView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A repository's webhooks (admins only): registered with the secret shown once, listed without it,
 * deleted; their deliveries listed and sent again.
 */
@Path("/api/v1/repositories/{id}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@Tag(name = "Webhooks")
public class WebhookResource {

    /** What a client sends to register a webhook: an https:// URL and the events it takes (all when absent). */
    public record NewWebhook(String url, List<String> events) {
    }

    /** A webhook just registered, with its signing secret: the only response that ever carries it. */
    public record CreatedWebhook(long id, long repositoryId, String url, List<String> events, boolean active,
            String createdBy, Instant createdAt, String secret) {
    }

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook (https:// URL, events); the response carries its secret, shown only this once")
    @APIResponse(responseCode = "201", description = "The webhook with its secret, shown only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "409", description = "The repository has a webhook with that URL")
    public Response register(@PathParam("id") long repositoryId, NewWebhook request, UriInfo uri) {
        if (request == null) {
            throw new BadRequest("send {\"url\": \"https://...\", \"events\": [\"gate_status\", \"scan_failed\","
                    + " \"benchmark_alert\"]}");
        }
        WebhookService.Registered registered = webhooks.register(repositoryId, request.url(), request.events(),
                Author.of(identity));
        WebhookView hook = registered.webhook();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(hook.id())).build())
                .header("Cache-Control", "no-store")
                .entity(new CreatedWebhook(hook.id(), hook.repositoryId(), hook.url(), hook.events(), hook.active(),
                        hook.createdBy(), hook.createdAt(), registered.secret()))
                .build();
    }

    @GET
    @Operation(summary = "List a repository's webhooks (never their secrets)")
    public List<WebhookView> list(@PathParam("id") long repositoryId) {
        return webhooks.list(repositoryId);
    }

    @GET
    @Path("/{hookId}")
    @Operation(summary = "One webhook (never its secret)")
    public WebhookView get(@PathParam("id") long repositoryId, @PathParam("hookId") long hookId) {
        return webhooks.find(repositoryId, hookId);
    }

    /** What a client sends to pause or resume a webhook. */
    public record WebhookChange(Boolean active) {
    }

    @PATCH
    @Path("/{hookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause (active false) or resume (active true) a webhook")
    public WebhookView change(@PathParam("id") long repositoryId, @PathParam("hookId") long hookId,
            WebhookChange change) {
        if (change == null || change.active() == null) {
            throw new BadRequest("a JSON body {\"active\": true|false} is required");
        }
        return webhooks.setActive(repositoryId, hookId, change.active());
    }

    @DELETE
    @Path("/{hookId}")
    @Operation(summary = "Delete a webhook and its deliveries")
    public void delete(@PathParam("id") long repositoryId, @PathParam("hookId") long hookId) {
        webhooks.delete(repositoryId, hookId);
    }

    /** A webhook's deliveries, newest first, {@code limit} at a time after {@code cursor}. */
    @GET
    @Path("/{hookId}/deliveries")
    @Operation(summary = "A webhook's deliveries, newest first, paged by cursor (Link rel=next): status, attempts,"
            + " the receiver's answer or the error")
    public RestResponse<List<DeliveryView>> deliveries(@PathParam("id") long repositoryId, @PathParam("hookId") long hookId,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return PageCursor.firstOf(webhooks.deliveries(repositoryId, hookId, PageCursor.idKey(cursor),
                PageCursor.limit(limit, WebhookService.MAX_DELIVERIES_LISTED) + 1), limit, delivery -> delivery,
                DeliveryView::id, uri).build();
    }

    @POST
    @Path("/{hookId}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery's payload again, as a new delivery (202, its first attempt is due now)")
    @APIResponse(responseCode = "202", description = "The new delivery, due now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") long repositoryId, @PathParam("hookId") long hookId,
            @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(webhooks.redeliver(repositoryId, hookId, deliveryId)).build();
    }
}
