package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryUrls;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Blank;
import dev.rustlens.text.Echo;

/**
 * What to scan: a branch's head or one of its commits, and for a branch other than the default one
 * the branch it is compared with (a pull request's target) and the pull request it stands for.
 * Every part may be null: the default branch's head.
 */
public record ScanRequest(String branch, String commit, String target, String pullRequest) {

    /** The head of a repository's default branch. */
    public static final ScanRequest DEFAULT_BRANCH_HEAD = new ScanRequest(null, null, null, null);

    /**
     * The request with its defaults filled in for {@code repository}: the default branch, and for
     * any other branch the default branch as its target. Throws {@link BadRequest} saying what is wrong.
     */
    public ScanRequest resolvedFor(GitRepository repository) {
        String givenBranch = Blank.toNull(branch);
        String scannedBranch = givenBranch == null ? repository.defaultBranch : givenBranch;
        if (!RepositoryUrls.isValidBranch(scannedBranch)) {
            throw new BadRequest(Echo.quoted(scannedBranch) + " is not a valid branch name");
        }
        String scannedCommit = Blank.toNull(commit);
        if (scannedCommit != null && !scannedCommit.matches("[0-9a-f]{40}")) {
            throw new BadRequest("commit must be a full commit id (40 lower-case hexadecimal digits), not "
                    + Echo.quoted(scannedCommit));
        }
        String targetBranch = Blank.toNull(target);
        if (targetBranch != null && !RepositoryUrls.isValidBranch(targetBranch)) {
            throw new BadRequest(Echo.quoted(targetBranch) + " is not a valid target branch name");
        }
        if (scannedBranch.equals(targetBranch)) {
            throw new BadRequest("a branch cannot be compared with itself: give a target other than "
                    + Echo.quoted(scannedBranch));
        }
        if (targetBranch == null && !scannedBranch.equals(repository.defaultBranch)) {
            targetBranch = repository.defaultBranch;
        }
        String request = Blank.toNull(pullRequest);
        if (request != null && (targetBranch == null || !request.matches("[A-Za-z0-9_.#-]{1,40}"))) {
            throw new BadRequest(targetBranch == null
                    ? "a pull request is a branch with a target: give \"branch\" (and \"target\" unless it is "
                            + Echo.quoted(repository.defaultBranch) + ")"
                    : "pullRequest must be the pull request's number or key (letters, digits, _ . # -), at most 40");
        }
        return new ScanRequest(scannedBranch, scannedCommit, targetBranch, request);
    }
}
