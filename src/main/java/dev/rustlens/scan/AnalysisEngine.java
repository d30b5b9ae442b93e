package dev.rustlens.scan;

import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.config.BackgroundPriority;
import dev.rustlens.config.RustlensConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The server's one analyzer: checks and queries compiled once at start-up (a query that does not
 * compile stops the start, naming its check) and closed on shutdown.
 */
@Startup
@ApplicationScoped
public class AnalysisEngine {

    private final CheckCatalogue catalogue;
    private final Analyzer analyzer;

    public AnalysisEngine(RustlensConfig config) {
        this.catalogue = CheckCatalogue.load().awaitQueries();
        AnalyzerSettings settings = AnalyzerSettings.defaults()
                .withLimits(config.analysis().maxFileBytes(), config.analysis().parseBudget());
        if (config.analysis().threads().isPresent()) {
            settings = settings.withThreads(config.analysis().threads().get());
        }
        int nice = config.analysis().nice();
        this.analyzer = new Analyzer(catalogue, settings, () -> BackgroundPriority.lowerCurrentThread(nice));
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public CheckCatalogue catalogue() {
        return catalogue;
    }

    void onStop(@Observes ShutdownEvent event) {
        analyzer.close();
        catalogue.close();
    }
}
