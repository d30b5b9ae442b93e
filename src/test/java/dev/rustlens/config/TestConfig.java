package dev.rustlens.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * rustlens's settings for plain unit tests: application.properties (without the test profile's
 * lines) and the mapping's defaults, with the properties given on top.
 */
public final class TestConfig {

    private TestConfig() {
    }

    /** Settings from {@code properties} (full keys, e.g. {@code rustlens.work-dir}) and the defaults. */
    public static RustlensConfig of(Map<String, String> properties) {
        // Durations like "10s" are Quarkus's notation, which plain SmallRye Config does not know.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RustlensConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).addSystemSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500), applicationProperties()).build();
        return config.getConfigMapping(RustlensConfig.class);
    }

    private static PropertiesConfigSource applicationProperties() {
        URL file = TestConfig.class.getClassLoader().getResource("application.properties");
        try {
            return new PropertiesConfigSource(file, 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
