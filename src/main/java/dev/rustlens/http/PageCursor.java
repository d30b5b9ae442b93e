package dev.rustlens.http;

import dev.rustlens.text.Echo;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one paging style of the JSON lists: {@code limit} items after an opaque {@code cursor}, the
 * next page's URL in an RFC 8288 {@code Link} header with {@code rel="next"}. The cursor is the key
 * of the last item shown (lists are ordered by a unique, indexed key: keyset paging, no OFFSET),
 * base64url-encoded so that clients pass it back rather than build it.
 */
public final class PageCursor {

    private PageCursor() {
    }

    /** A page of a list whose body carries the cursor of the page after it. */
    public interface Page {
        /** The cursor of the next page; null on the last. */
        String nextCursor();
    }

    /** 200 with {@code page} and the Link to the page after it. */
    public static <T extends Page> RestResponse<T> ok(T page, UriInfo uri) {
        return linkNext(RestResponse.ResponseBuilder.ok(page), uri, page.nextCursor()).build();
    }

    /** The cursor that starts after the item whose key is {@code key}. */
    public static String after(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a {@code cursor} parameter carries; null for the first page; a 400 for one this API did not make. */
    public static String key(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor, e);
        }
    }

    /** The numeric key (an id) a {@code cursor} parameter carries; null for the first page. */
    public static Long idKey(String cursor) {
        return key(cursor, Long::valueOf);
    }

    /**
     * The key a {@code cursor} parameter carries as {@code read} reads it, which throws an
     * IllegalArgumentException for a key it cannot read; null for the first page; a 400 for a
     * cursor this API did not make.
     */
    public static <K> K key(String cursor, Function<String, K> read) {
        String key = key(cursor);
        try {
            return key == null ? null : read.apply(key);
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor, e);
        }
    }

    /** {@code limit} when it is between 1 and {@code max}; a 400 otherwise. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequest("limit must be between 1 and " + max);
        }
        return limit;
    }

    /**
     * 200 with the first {@code limit} items of {@code fetched}, which was read with one item more
     * to tell whether another page follows, and then the Link to it, after the key of the last shown.
     */
    public static <T, V> RestResponse.ResponseBuilder<List<V>> firstOf(List<T> fetched, int limit,
            Function<T, V> view, Function<T, Object> key, UriInfo uri) {
        List<T> shown = fetched.stream().limit(limit).toList();
        return linkNext(RestResponse.ResponseBuilder.ok(shown.stream().map(view).toList()), uri,
                fetched.size() > limit ? after(String.valueOf(key.apply(shown.getLast()))) : null);
    }

    /** Adds the Link to the page that starts at {@code nextCursor}, when there is one. */
    private static <T> RestResponse.ResponseBuilder<T> linkNext(RestResponse.ResponseBuilder<T> response, UriInfo uri,
            String nextCursor) {
        return nextCursor == null ? response
                : response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build(), "next");
    }

    private static BadRequest notOurs(String cursor, Exception e) {
        return new BadRequest("cursor " + Echo.quoted(cursor) + " is not one this API gave: pass the Link"
                + " header's next URL, or no cursor for the first page", e);
    }
}
