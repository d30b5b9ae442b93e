package dev.rustlens.gitrepo;

import dev.rustlens.gitrepo.GitMirror.GitFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The branches a repository's remote has now, to choose one to scan; asked outside any transaction. */
@ApplicationScoped
public class RemoteBranches {

    private final GitMirror mirror;
    private final CredentialCipher cipher;

    public RemoteBranches(GitMirror mirror, CredentialCipher cipher) {
        this.mirror = mirror;
        this.cipher = cipher;
    }

    /**
     * The remote's branch names, sorted. A repository fed by archives has none (409); a remote that
     * cannot be reached is a 502 saying why.
     */
    public List<String> of(GitRepository repository) {
        if (repository.kind != GitRepository.Kind.git) {
            throw new ClientErrorException("repository '" + repository.name + "' is fed by uploaded archives and has"
                    + " no branches", Response.Status.CONFLICT);
        }
        try {
            return mirror.remoteBranches(repository.url,
                    repository.credentials == null ? null : cipher.decrypt(repository.credentials));
        } catch (GitFailure e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY);
        }
    }
}
