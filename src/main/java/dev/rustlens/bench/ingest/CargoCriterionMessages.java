package dev.rustlens.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.text.Echo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cargo-criterion's {@code --message-format=json} lines. Only {@code benchmark-complete}
 * messages carry results; the mean is kept (as from criterion's own files) with its confidence
 * interval, converted from the message's unit to nanoseconds.
 */
public final class CargoCriterionMessages {

    private CargoCriterionMessages() {
    }

    public static List<ParsedResult> parse(String file, String text) {
        List<ParsedResult> results = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            JsonNode message = JsonFields.parse(where, lines[i]);
            if (!"benchmark-complete".equals(JsonFields.text(message, "reason", where))) {
                continue;
            }
            String name = JsonFields.text(message, "id", where);
            double scale = TimeUnits.nanosPer(JsonFields.text(message, "mean.unit", where), where);
            double mean = CriterionFiles.positive(JsonFields.number(message, "mean.estimate", where) * scale, where,
                    "mean.estimate");
            double lower = JsonFields.number(message, "mean.lower_bound", where) * scale;
            double upper = JsonFields.number(message, "mean.upper_bound", where) * scale;
            results.add(new ParsedResult(name, ParsedResult.LATENCY, mean, lower, upper));
            JsonNode throughputs = JsonFields.at(message, "throughput");
            if (throughputs != null && throughputs.isArray() && !throughputs.isEmpty()) {
                JsonNode declared = throughputs.get(0);
                String unit = JsonFields.text(declared, "unit", where);
                String measure = switch (unit) {
                    case "bytes", "bytes_decimal" -> ParsedResult.THROUGHPUT_BYTES;
                    case "elements" -> ParsedResult.THROUGHPUT_ELEMENTS;
                    default -> throw new MalformedResultsException(where, "field \"throughput.unit\" is " + Echo.quoted(unit)
                            + ", expected bytes or elements");
                };
                results.add(CriterionFiles.perSecond(name, measure, JsonFields.number(declared, "per_iteration", where),
                        mean, lower, upper));
            }
        }
        if (results.isEmpty()) {
            throw new MalformedResultsException(file, "no \"benchmark-complete\" message found");
        }
        return results;
    }
}
