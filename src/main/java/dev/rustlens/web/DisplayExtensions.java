package dev.rustlens.web;

import dev.rustlens.analysis.diagnostics.ImportedLints;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** Display-only formatting for templates, kept out of the entities. */
@TemplateExtension
public class DisplayExtensions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.?0+$");

    private DisplayExtensions() {
    }

    /** The first 10 characters of a commit id. */
    static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(10, sha.length()));
    }

    /** Where a check is documented: its page here, or an imported lint's own documentation (docs/diagnostics.md). */
    static String checkHref(String checkId) {
        return ImportedLints.isLintId(checkId) ? ImportedLints.helpUri(checkId) : "/checks/" + checkId;
    }

    /** A value for a URL query parameter, escaped as a form would send it. */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A machine-readable UTC time for a time element; the browser shows it in local time. */
    static String iso(OffsetDateTime time) {
        return time == null ? "" : ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A measured value with at most three decimals and no trailing zeros, grouped by thousands. */
    static String measured(double value) {
        return TRAILING_ZEROS.matcher(String.format(Locale.ROOT, "%,.3f", value)).replaceFirst("");
    }

    /** Points to one decimal, e.g. 6.0. */
    static String points(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Points gained, what fixing findings is worth, with their sign to two decimals, e.g. +0.25; below a hundredth "< +0.01". */
    static String gain2(double value) {
        return value > 0 && value < 0.005 ? "< +0.01" : String.format(Locale.ROOT, "%+.2f", value);
    }

    /** A relative change with its sign, e.g. +10.0%. */
    static String signedPercent(Double percent) {
        return percent == null ? "" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }
}
