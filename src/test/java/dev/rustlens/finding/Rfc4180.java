package dev.rustlens.finding;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: records end with CRLF, quotes only around whole cells. */
public final class Rfc4180 {

    private Rfc4180() {
    }

    /** The records of {@code csv}; throws on anything a strict reader would reject. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new IllegalArgumentException("unterminated quoted cell in record " + (records.size() + 1));
                    }
                    char c = csv.charAt(i++);
                    if (c == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
            } else {
                while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r' && csv.charAt(i) != '\n') {
                    if (csv.charAt(i) == '"') {
                        throw new IllegalArgumentException("a quote inside an unquoted cell in record " + (records.size() + 1));
                    }
                    cell.append(csv.charAt(i++));
                }
            }
            record.add(cell.toString());
            cell.setLength(0);
            if (i < csv.length() && csv.charAt(i) == ',') {
                i++;
            } else if (csv.startsWith("\r\n", i)) {
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (i < csv.length()) {
                throw new IllegalArgumentException("a record ends without CRLF at record " + (records.size() + 1));
            }
        }
        if (!record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }
}
