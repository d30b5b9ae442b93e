package dev.rustlens.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.check.Check;
import dev.rustlens.scan.AnalysisEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The check catalogue pages: the list of every check, a check's rendered documentation, and unknown ids. */
@QuarkusTest
class CheckPagesTest {

    @Inject
    AnalysisEngine engine;

    @Test
    void listsEveryCheckWithCategoryAndSeverity() {
        String page = given().when().get("/checks").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<a href=\"/checks\">Checks</a>"), containsString("<a href=\"/findings\">Findings</a>"))
                .extract().asString();
        for (Check check : engine.catalogue().checks()) {
            String row = "<a href=\"/checks/" + check.id() + "\"><code>" + check.id() + "</code></a></th><td>"
                    + check.info().category() + "</td><td>" + check.info().severity() + "</td>";
            assertTrue(page.contains(row), "no row for " + check.id());
        }
    }

    @Test
    void rendersTheCheckDocumentation() {
        given().when().get("/checks/unwrap_used").then().statusCode(200)
                .body(containsString("<h1>unwrap_used</h1>"),
                        containsString("<h3>Why is this bad?</h3>"),
                        // Code blocks are escaped by the renderer: the generic stays text.
                        containsString("<pre><code class=\"language-rust\">pub fn port(config: &amp;Config) -&gt; u16 {"),
                        containsString("<a href=\"/findings?check=unwrap_used\">"));
    }

    @Test
    void rawHtmlInADocumentIsShownAsText() {
        String html = CheckPages.html("Text <script>alert(1)</script> and [a link](javascript:alert(1)).\n\n<div>block</div>\n");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<div>"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void anUnknownCheckIsA404Page() {
        given().when().get("/checks/no_such_check").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("There is no check no_such_check."), containsString("<h1>Not Found</h1>")),
                        not(containsString("\"status\"")));
    }
}
