package dev.rustlens.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.advisories.AdvisoryRules;
import dev.rustlens.analysis.check.CheckInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SARIF's rules are the check catalogue: one rule per check, in its order, made from its metadata and its page. */
@Tag("fast")
class SarifRulesTest {

    @Test
    void everyCheckAndAdvisoryRuleIsARuleMadeFromItsMetadataAndItsPage() throws IOException {
        try (CheckCatalogue catalogue = CheckCatalogue.load()) {
            List<CheckInfo> checks = catalogue.rules();
            assertEquals(catalogue.checks().size() + AdvisoryRules.ALL.size(), checks.size(), "the checks, then the advisory rules");
            ByteArrayOutputStream sarif = new ByteArrayOutputStream();
            // An export without results still writes a run that names the tool and its rules.
            new SarifExport(sarif, checks, null, null).close();
            JsonNode rules = new ObjectMapper().readTree(sarif.toByteArray()).at("/runs/0/tool/driver/rules");
            assertEquals(checks.size(), rules.size(), "one rule per check");
            for (int i = 0; i < checks.size(); i++) {
                CheckInfo info = checks.get(i);
                JsonNode rule = rules.get(i);
                assertEquals(info.id(), rule.path("id").asText());
                assertEquals(info.title(), rule.at("/shortDescription/text").asText(), info.id());
                assertEquals(info.severity().sarifLevel(), rule.at("/defaultConfiguration/level").asText(), info.id());
                assertEquals(info.severity().securitySeverity(), rule.at("/properties/security-severity").asText(), info.id());
                List<String> tags = new ArrayList<>(List.of("rust", info.category().name().toLowerCase(Locale.ROOT)));
                if (info.category().security()) {
                    tags.add("security");
                }
                List<String> written = new ArrayList<>();
                rule.at("/properties/tags").forEach(tag -> written.add(tag.asText()));
                assertEquals(tags, written, info.id());
                assertEquals(CheckCatalogue.documentation(info.id()).orElseThrow(), rule.at("/help/markdown").asText(),
                        info.id() + ": the rule's help is the check's page");
            }
        }
    }
}
