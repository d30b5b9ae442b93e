package dev.rustlens.gitrepo;

import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.outbound.OutboundSession;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.util.Locale;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnection;

/**
 * JGit's HTTP connections for one fetch, made by its outbound session: every URL JGit opens (the
 * first and each redirect) is connected under the outbound policy, with the session's timeouts.
 * Public for the other fetches of git repositories (the advisory database).
 */
public final class GitHttpConnections implements HttpConnectionFactory {

    private final OutboundSession session;
    private final String host;
    private final boolean sendsCredentials;

    /** {@code sendsCredentials}: redirects to another host are refused, so credentials stay with their host. */
    public GitHttpConnections(OutboundSession session, String host, boolean sendsCredentials) {
        this.session = session;
        this.host = host.toLowerCase(Locale.ROOT);
        this.sendsCredentials = sendsCredentials;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, Proxy.NO_PROXY);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        if (sendsCredentials && !url.getHost().toLowerCase(Locale.ROOT).equals(host)) {
            throw new OutboundRefused("a redirect to another host is not followed with the repository's credentials");
        }
        // The session's URL opens the session's connection; JGit's wrapper adds nothing else.
        return new JDKHttpConnection(session.bind(url), Proxy.NO_PROXY) {
        };
    }
}
