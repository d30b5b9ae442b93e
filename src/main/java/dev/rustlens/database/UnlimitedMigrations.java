package dev.rustlens.database;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Migrations connect on their own, without the pool's socket and statement timeouts: building an
 * index over a large findings table may rightly take minutes, where a page query may not.
 */
@Singleton
public class UnlimitedMigrations implements FlywayConfigurationCustomizer {

    private final String url;
    private final String username;
    private final Optional<String> password;

    public UnlimitedMigrations(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.dataSource(url, username, password.orElse(""));
    }
}
