package dev.rustlens.scan;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same flow against the packaged application ({@code java -jar quarkus-run.jar}): proves the
 * tree-sitter library loads from inside the jar, with no {@code java.library.path}.
 */
@QuarkusIntegrationTest
class ScanFlowIT extends ScanFlowTest {
}
