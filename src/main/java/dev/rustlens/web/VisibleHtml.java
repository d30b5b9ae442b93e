package dev.rustlens.web;

import dev.rustlens.text.VisibleText;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Every value a page shows is escaped as HTML and has its bidirectional controls and invisible
 * characters written out ({@link VisibleText}), so that a file name, a message or a line of code
 * from a repository cannot reorder or hide what the page says. It takes the place of Qute's own
 * HTML escaper for the same content types.
 */
@ApplicationScoped
public class VisibleHtml {

    /** Qute's default {@code quarkus.qute.escape-content-types}. */
    private static final List<String> ESCAPED = List.of("text/html", "text/xml", "application/xml",
            "application/xhtml+xml");

    void configure(@Observes EngineBuilder engine) {
        engine.addResultMapper(new HtmlEscaper(ESCAPED) {
            @Override
            public int getPriority() {
                return super.getPriority() + 1; // before Qute's escaper, which would otherwise apply first
            }

            @Override
            public String map(Object result, Expression expression) {
                return super.map(VisibleText.escape(result.toString()), expression);
            }
        });
    }
}
