package dev.rustlens.coverage;

import dev.rustlens.text.Echo;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Cobertura XML ({@code cargo tarpaulin --out Xml}, {@code grcov -t cobertura},
 * {@code cargo llvm-cov --cobertura}): the {@code <source>} roots, and each {@code <class>}'s
 * {@code filename} with its {@code <line number hits>} rows. The lines repeated under
 * {@code <methods>} are read past. Parsed without DTDs or external entities (a DOCTYPE line is
 * allowed and ignored, an entity it would define is an error), with a limit on elements.
 */
public final class CoberturaFormat {

    private static final String NAME = "Cobertura";
    /** More elements than any real report of a repository this size holds; bounds the work of a hostile one. */
    static final int MAX_ELEMENTS = 5_000_000;

    private CoberturaFormat() {
    }

    /** Parses a whole report; throws {@link MalformedCoverageException} naming the first bad line. */
    public static ParsedCoverage parse(byte[] body) {
        // The JDK's own parser, whatever StAX implementation a library puts on the class path
        // (the CycloneDX writer brings Woodstox, which does not know ACCESS_EXTERNAL_DTD).
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<String> sources = new ArrayList<>();
        Map<String, SortedMap<Integer, Long>> files = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            SortedMap<Integer, Long> classLines = null;
            int methodsDepth = 0;
            boolean sawCoverage = false;
            int elements = 0;
            StringBuilder text = null;
            while (reader.hasNext()) {
                int event = reader.next();
                long line = reader.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new MalformedCoverageException(NAME, line, "more than " + MAX_ELEMENTS + " elements");
                        }
                        switch (reader.getLocalName()) {
                            case "coverage" -> sawCoverage = true;
                            case "source" -> text = new StringBuilder();
                            case "class" -> {
                                String filename = reader.getAttributeValue(null, "filename");
                                if (filename == null || filename.isBlank()) {
                                    throw new MalformedCoverageException(NAME, line, "<class> without a filename");
                                }
                                classLines = files.computeIfAbsent(filename, path -> new TreeMap<>());
                            }
                            case "methods" -> methodsDepth++;
                            case "line" -> {
                                if (classLines == null) {
                                    throw new MalformedCoverageException(NAME, line, "<line> outside a <class>");
                                }
                                if (methodsDepth == 0) {
                                    int number = (int) number(reader, "number", line, 1);
                                    classLines.merge(number, number(reader, "hits", line, 0), Math::max);
                                }
                            }
                            default -> {
                                // packages, package, classes, lines, conditions: structure only
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (text != null) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        switch (reader.getLocalName()) {
                            case "source" -> {
                                if (text != null && !text.toString().isBlank()) {
                                    sources.add(text.toString().strip());
                                }
                                text = null;
                            }
                            case "class" -> classLines = null;
                            case "methods" -> methodsDepth--;
                            default -> {
                                // nothing to close
                            }
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new MalformedCoverageException(NAME, line, "entity references are not read: &"
                                    + reader.getLocalName() + ";");
                    default -> {
                        // prolog, comments, processing instructions, the ignored DOCTYPE
                    }
                }
            }
            if (!sawCoverage) {
                throw new MalformedCoverageException(NAME, 1, "no <coverage> element: not a Cobertura report");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new MalformedCoverageException(NAME, line, "not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
        List<ParsedCoverage.FileLines> parsed = new ArrayList<>();
        files.forEach((path, hits) -> parsed.add(new ParsedCoverage.FileLines(path, hits)));
        return new ParsedCoverage("cobertura", sources, parsed);
    }

    /** A line number (up to nine digits, so it fits an int) or a hit count (up to eighteen). */
    private static long number(XMLStreamReader reader, String attribute, long line, int minimum) {
        String value = reader.getAttributeValue(null, attribute);
        String digits = attribute.equals("number") ? "\\d{1,9}" : "\\d{1,18}";
        if (value == null || !value.strip().matches(digits) || Long.parseLong(value.strip()) < minimum) {
            throw new MalformedCoverageException(NAME, line, "<line " + attribute + "> must be a whole number >= "
                    + minimum + ", not " + (value == null ? "missing" : Echo.quoted(value)));
        }
        return Long.parseLong(value.strip());
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int said = text.indexOf("Message: ");
        text = said < 0 ? text : text.substring(said + "Message: ".length());
        int end = text.indexOf('\n');
        return Echo.quoted(end < 0 ? text : text.substring(0, end));
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot close an in-memory XML reader", e);
        }
    }
}
