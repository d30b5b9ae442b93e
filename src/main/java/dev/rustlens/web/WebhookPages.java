package dev.rustlens.web;

import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.http.PageException;
import dev.rustlens.notify.DeliveryView;
import dev.rustlens.notify.WebhookEvent;
import dev.rustlens.notify.WebhookService;
import dev.rustlens.notify.WebhookView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * A repository's webhooks (admins only): listed with their recent deliveries (status code, time
 * taken, error, the start of the answer) and a "redeliver" button each; added with the secret
 * shown once; deleted. All through WebhookService.
 */
@Path("/repositories/{id}/webhooks")
@RolesAllowed(Role.ADMIN)
public class WebhookPages {

    /** Deliveries shown under each webhook. */
    private static final int DELIVERIES_SHOWN = 20;

    private final WebhookService webhooks;
    private final RepositoryService repositories;
    private final SecurityIdentity identity;

    public WebhookPages(WebhookService webhooks, RepositoryService repositories, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.repositories = repositories;
        this.identity = identity;
    }

    /** A webhook with its newest deliveries. */
    public record HookDeliveries(WebhookView hook, List<DeliveryView> deliveries) {
    }

    /** What a rejected form gets back: its message and the values entered. */
    public record Rejected(String message, String url, List<String> events) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(GitRepository repository, List<HookDeliveries> hooks,
                List<String> events, String message, Rejected rejected);

        static native TemplateInstance created(GitRepository repository, WebhookView hook, String secret);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("message") String message) {
        return page(repository(id), message, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@PathParam("id") long id, @FormParam("url") String url,
            @FormParam("events") List<String> events) {
        GitRepository repository = repository(id);
        try {
            WebhookService.Registered registered = webhooks.register(id, url, events, Author.of(identity));
            // The secret is in this answer only: not in a redirect URL, nor ever again.
            return Response.ok(Templates.created(repository, registered.webhook(), registered.secret()))
                    .header("Cache-Control", "no-store").build();
        } catch (BadRequest e) {
            return rejected(repository, new Rejected(e.getMessage(), url, events), Response.Status.BAD_REQUEST);
        } catch (DuplicateNameException e) {
            return rejected(repository, new Rejected(e.getMessage(), url, events), Response.Status.CONFLICT);
        }
    }

    /** The pause and resume buttons. */
    @POST
    @Path("{hookId}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setActive(@PathParam("id") long id, @PathParam("hookId") long hookId,
            @FormParam("active") boolean active) {
        webhooks.setActive(id, hookId, active);
        return back(id, active ? "The webhook is resumed: its pending deliveries are sent."
                : "The webhook is paused: it is told of no new event until it is resumed.");
    }

    @POST
    @Path("{hookId}/delete")
    public Response delete(@PathParam("id") long id, @PathParam("hookId") long hookId) {
        webhooks.delete(id, hookId);
        return back(id, "The webhook and its deliveries are deleted.");
    }

    @POST
    @Path("{hookId}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("id") long id, @PathParam("hookId") long hookId,
            @PathParam("deliveryId") long deliveryId) {
        DeliveryView queued = webhooks.redeliver(id, hookId, deliveryId);
        return back(id, "Delivery " + deliveryId + " is queued again as delivery " + queued.id() + ".");
    }

    private TemplateInstance page(GitRepository repository, String message, Rejected rejected) {
        List<HookDeliveries> hooks = webhooks.list(repository.id).stream().map(hook -> new HookDeliveries(hook,
                webhooks.deliveries(repository.id, hook.id(), DELIVERIES_SHOWN))).toList();
        return Templates.webhooks(repository, hooks, WebhookEvent.names(), message, rejected);
    }

    private Response rejected(GitRepository repository, Rejected rejected, Response.Status status) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page(repository, null, rejected)).build();
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(() -> PageException.notFound("no repository " + id));
    }

    private static Response back(long id, String message) {
        return Response.seeOther(UriBuilder.fromPath("/repositories/{id}/webhooks").queryParam("message", message)
                .build(id)).build();
    }
}
