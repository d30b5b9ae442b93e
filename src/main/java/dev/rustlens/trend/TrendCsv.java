package dev.rustlens.trend;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.finding.CsvCells;
import dev.rustlens.http.Downloads;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trend as CSV: one record per scanned commit, with the score, every series, and findings by
 * severity and by category in fixed columns, so that successive exports line up.
 */
final class TrendCsv {

    /** CSV with its header row, as RFC 4180 registers it. */
    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private TrendCsv() {
    }

    /** A download of {@code trend} named {@code filename}. */
    static Response response(Trends.Trend trend, String filename) {
        return Downloads.attachment(Response.ok(of(trend)), filename);
    }

    static String of(Trends.Trend trend) {
        List<String> severities = Arrays.stream(Severity.values()).map(Enum::name).toList();
        List<String> categories = Arrays.stream(Category.values()).map(Enum::name).toList();
        List<String> metrics = trend.points().isEmpty() ? Trends.SERIES
                : List.copyOf(trend.points().getFirst().metrics().keySet());
        List<String> header = new ArrayList<>(List.of("scan_id", "commit", "committed_at", "score", "grade"));
        header.addAll(metrics);
        severities.forEach(severity -> header.add("findings_" + severity.toLowerCase(Locale.ROOT)));
        categories.forEach(category -> header.add("category_" + category.toLowerCase(Locale.ROOT)));
        StringBuilder csv = new StringBuilder(CsvCells.row(header.toArray(String[]::new)));
        for (Trends.Point point : trend.points()) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(point.scanId()), point.commit(),
                    point.committedAt().toString(), text(point.score()), point.grade() == null ? "" : point.grade()));
            metrics.forEach(metric -> cells.add(text(point.metrics().get(metric))));
            severities.forEach(severity -> cells.add(count(point.findingsBySeverity(), severity)));
            categories.forEach(category -> cells.add(count(point.findingsByCategory(), category)));
            csv.append(CsvCells.row(cells.toArray(String[]::new)));
        }
        return csv.toString();
    }

    private static String count(Map<String, Long> counts, String key) {
        return Long.toString(counts.getOrDefault(key, 0L));
    }

    private static String text(Number value) {
        return value == null ? "" : value.toString();
    }
}
