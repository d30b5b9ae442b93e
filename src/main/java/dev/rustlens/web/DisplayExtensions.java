package dev.rustlens.web;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Display-only formatting for templates, kept out of the entities. */
@TemplateExtension
public class DisplayExtensions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DisplayExtensions() {
    }

    /** The first 10 characters of a commit id. */
    static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(10, sha.length()));
    }

    /** A machine-readable UTC time for a time element; the browser shows it in local time. */
    static String iso(OffsetDateTime time) {
        return time == null ? "" : ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
