package dev.rustlens.api;

import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one paging style of the JSON lists: {@code limit} items after an opaque {@code cursor}, the
 * next page's URL in an RFC 8288 {@code Link} header with {@code rel="next"}. The cursor is the key
 * of the last item shown (lists are ordered by a unique, indexed key: keyset paging, no OFFSET),
 * base64url-encoded so that clients pass it back rather than build it.
 */
final class PageCursor {

    private PageCursor() {
    }

    /** The cursor that starts after the item whose key is {@code key}. */
    static String after(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a {@code cursor} parameter carries; null for the first page; a 400 for one this API did not make. */
    static String key(String cursor) {
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
    static Long idKey(String cursor) {
        String key = key(cursor);
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw notOurs(cursor, e);
        }
    }

    /** {@code limit} when it is between 1 and {@code max}; a 400 otherwise. */
    static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequest("limit must be between 1 and " + max);
        }
        return limit;
    }

    /** Adds the Link to the page after the item keyed {@code lastKey}, when there is one. */
    static Response.ResponseBuilder linkNext(Response.ResponseBuilder response, UriInfo uri, String lastKey) {
        return lastKey == null ? response
                : response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", after(lastKey)).build(), "next");
    }

    private static BadRequest notOurs(String cursor, Exception e) {
        return new BadRequest("cursor " + Echo.quoted(cursor) + " is not one this API gave: pass the Link"
                + " header's next URL, or no cursor for the first page", e);
    }
}
