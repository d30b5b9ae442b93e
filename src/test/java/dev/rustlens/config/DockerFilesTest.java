package dev.rustlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The docker files agree with the application (no Docker engine runs here to build the image):
 * the compose file's JDBC URL has the default URL's options, and the work directory the server is
 * told to use is the one the image creates for its user and the one the volume is mounted on.
 */
@Tag("fast")
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    void theComposeJdbcUrlHasTheDefaultUrlsOptions() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            defaults.load(reader);
        }
        String defaultOptions = query(defaults.getProperty("quarkus.datasource.jdbc.url"))
                .replace("${db.schema}", defaults.getProperty("db.schema"));
        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        Matcher url = Pattern.compile("QUARKUS_DATASOURCE_JDBC_URL: (\\S+)").matcher(compose);
        assertTrue(url.find(), "compose.yml sets the JDBC URL");
        assertEquals(defaultOptions, query(url.group(1)));
    }

    @Test
    void theWorkDirectoryIsMadeForTheRuntimeUserAndMountedAsAVolume() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher workDir = Pattern.compile("ENV RUSTLENS_WORK_DIR=(\\S+)").matcher(dockerfile);
        assertTrue(workDir.find(), "the image names its work directory");
        String dir = workDir.group(1);
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
        assertTrue(runtime.contains("mkdir -p " + dir) && runtime.contains("chown rustlens:rustlens " + dir),
                "the runtime image creates " + dir + " for its user");
        assertTrue(runtime.indexOf("USER rustlens") > runtime.indexOf("chown"), "the server does not run as root");
        assertTrue(Files.readString(DOCKER.resolve("compose.yml")).contains(":" + dir + "\n"),
                "the work volume is mounted on " + dir);
        assertTrue(Files.readString(Path.of(".dockerignore")).lines().anyMatch("target"::equals),
                "the build context leaves out target/");
    }

    private static String query(String url) {
        return url.substring(url.indexOf('?') + 1);
    }
}
