package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a scan request means once its defaults are filled in, and what it refuses. */
@Tag("fast")
class ScanRequestTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static GitRepository repository() {
        GitRepository repository = new GitRepository();
        repository.defaultBranch = "main";
        return repository;
    }

    @Test
    void nothingMeansTheDefaultBranchsHeadWithoutATarget() {
        assertEquals(new ScanRequest("main", null, null, null),
                ScanRequest.DEFAULT_BRANCH_HEAD.resolvedFor(repository()));
        assertEquals(new ScanRequest("main", COMMIT, null, null),
                new ScanRequest(" ", " " + COMMIT + " ", "", null).resolvedFor(repository()));
    }

    @Test
    void anotherBranchIsComparedWithTheDefaultBranchUnlessItNamesItsTarget() {
        assertEquals(new ScanRequest("feature/x", null, "main", "42"),
                new ScanRequest("feature/x", null, null, "42").resolvedFor(repository()));
        assertEquals(new ScanRequest("fix", null, "release-1", null),
                new ScanRequest("fix", null, "release-1", null).resolvedFor(repository()));
    }

    @Test
    void badPartsAreRefusedWithTheirReason() {
        assertRefused(new ScanRequest("../x", null, null, null), "is not a valid branch name");
        assertRefused(new ScanRequest("x", "abc123", null, null), "a full commit id");
        assertRefused(new ScanRequest("x", COMMIT.toUpperCase(java.util.Locale.ROOT), null, null), "a full commit id");
        assertRefused(new ScanRequest("x", null, "x", null), "cannot be compared with itself");
        assertRefused(new ScanRequest("x", null, "-t", null), "is not a valid target branch name");
        assertRefused(new ScanRequest(null, null, null, "42"), "a pull request is a branch with a target");
        assertRefused(new ScanRequest("x", null, null, "42; drop"), "the pull request's number or key");
    }

    private static void assertRefused(ScanRequest request, String reason) {
        BadRequest refused = assertThrows(BadRequest.class, () -> request.resolvedFor(repository()));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
