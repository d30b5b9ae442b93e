package dev.rustlens.web;

import dev.rustlens.analysis.diagnostics.ImportedLints;
import dev.rustlens.text.Markup;
import dev.rustlens.text.Quantities;
import dev.rustlens.text.VisibleText;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Display-only formatting for templates, kept out of the entities. */
@TemplateExtension
public class DisplayExtensions {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** A Markdown code span: text between single backticks, on one line. */
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\n]+)`");

    private DisplayExtensions() {
    }

    /** Whether one of a select's options is the chosen one. */
    static boolean anySelected(List<Choice> choices) {
        return choices.stream().anyMatch(Choice::selected);
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

    /** Texts joined by a separator, for lists a page shows inline. */
    static String joined(List<String> values, String separator) {
        return String.join(separator, values);
    }

    /** A machine-readable UTC time for a time element; the browser shows it in local time. */
    static String iso(OffsetDateTime time) {
        return time == null ? "" : ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * A finding's message with its inline Markdown shown: {@code `code`} spans as code. The rest
     * is text, escaped as HTML with its invisible characters written out, as every value is.
     */
    static RawString inlineMarkdown(String message) {
        String text = Markup.escape(VisibleText.escape(message));
        return new RawString(CODE_SPAN.matcher(text).replaceAll("<code>$1</code>"));
    }

    /** A measured value in its unit scaled to its size, e.g. 6.507 µs or 724.7 MiB/s. */
    static String quantity(double value, String unit) {
        return Quantities.scaled(value, unit);
    }

    /** A value and its spread on the value's scale, e.g. 724.7 ± 36.72 MiB/s. */
    static String quantityWithSpread(double value, double spread, String unit) {
        return Quantities.scaledWithSpread(value, spread, unit);
    }

    /** An interval in one unit, e.g. 6.410 – 6.620 µs. */
    static String quantityRange(double low, double high, String unit) {
        return Quantities.scaledRange(low, high, unit);
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
