package dev.rustlens.api;

import dev.rustlens.http.Answers;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An API call with a query parameter its endpoint does not take is a 400 naming it and the ones
 * the endpoint takes, instead of an answer that silently ignores it ({@code inTest} misspelt as
 * {@code test} would otherwise list everything). Names are case-sensitive, as the endpoints read them.
 */
public class UnknownQueryParameters {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !Answers.isApi(request.getUriInfo().getPath())
                || method.isAnnotationPresent(ForwardsQueryParameters.class)) {
            return;
        }
        Set<String> names = accepted.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !names.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadRequest((unknown.size() == 1 ? "unknown query parameter " : "unknown query parameters ")
                    + String.join(", ", unknown.stream().map(Echo::quoted).toList()) + "; "
                    + (names.isEmpty() ? "this endpoint takes none" : "this endpoint takes " + String.join(", ", names)));
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
