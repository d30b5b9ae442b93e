package dev.rustlens.gitrepo;

import dev.rustlens.gitrepo.GitMirror.FetchStopped;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.outbound.OutboundSession;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.jboss.logging.Logger;

/**
 * Turns what went wrong in a fetch into a message that names the kind of failure, never the bytes
 * the remote sent (a status line, a banner, a "remote:" message): an outbound request must not be
 * usable to read other services. The exception itself goes to the server log.
 */
final class FetchFailures {

    private static final Logger LOG = Logger.getLogger(FetchFailures.class);
    /** JGit puts the HTTP status after the URL: {@code https://host/x.git: 503 Service Unavailable}. */
    private static final Pattern HTTP_STATUS = Pattern.compile(": ([1-5][0-9][0-9])\\b");
    private static final Pattern NOT_AUTHORIZED = Pattern.compile(
            "(?i)not authorized|authentication is required|authentication not supported|\\b40[13]\\b");
    /** JGit's own words when the fetched branch is not among the remote's refs. */
    private static final Pattern MISSING_REF = Pattern.compile("Remote does not have refs/heads/\\S+ available for fetch");
    private static final Pattern TRANSIENT_STATUS = Pattern.compile(": (502|503|504)\\b");

    private FetchFailures() {
    }

    /** The failure of {@code what} ("clone https://..."), or {@link FetchStopped} when the session was stopped. */
    static GitFailure failure(String what, Throwable e, OutboundSession session) {
        OutboundSession.Ending ending = session.ending();
        if (ending == OutboundSession.Ending.STOPPED) {
            return new FetchStopped("cannot " + what + ": the fetch was stopped", e);
        }
        String kind = ending == OutboundSession.Ending.BUDGET_EXCEEDED
                ? "it took longer than the fetch budget of " + session.budget().toSeconds()
                        + " s (rustlens.git.fetch-budget)"
                : kind(e);
        LOG.warnf("cannot %s: %s (%s)", what, kind, causes(e));
        LOG.debugf(e, "cannot %s", what);
        return new GitFailure("cannot " + what + ": " + kind, e);
    }

    /** Whether the fetch failed because the remote has no such branch. */
    static boolean isMissingBranch(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && MISSING_REF.matcher(cause.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Network trouble that may pass: timeouts, refused or reset connections, a gateway's 502-504. */
    static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutboundRefused) {
                return false;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof SocketException) {
                return true;
            }
            if ((cause instanceof TransportException || cause instanceof org.eclipse.jgit.api.errors.TransportException)
                    && cause.getMessage() != null
                    && TRANSIENT_STATUS.matcher(cause.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Throwable e) {
        TransportException transport = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            switch (cause) {
                case OutboundRefused refused -> {
                    return refused.getMessage();
                }
                case UnknownHostException unknown -> {
                    return "the host name is unknown (DNS lookup failed)";
                }
                case SocketTimeoutException timeout -> {
                    return "the server did not answer in time (rustlens.outbound.connect-timeout, read-timeout)";
                }
                case ConnectException refused -> {
                    return "the server cannot be reached (connection refused)";
                }
                case NoRouteToHostException unreachable -> {
                    return "the server cannot be reached (no route to it)";
                }
                case SSLException tls -> {
                    return "the TLS connection failed (an untrusted certificate or a TLS error)";
                }
                case SocketException closed -> {
                    return "the connection was closed before the fetch ended";
                }
                case NoRemoteRepositoryException missing -> {
                    return "there is no git repository at this URL, or it needs credentials";
                }
                case TransportException jgit -> {
                    if (transport == null) {
                        transport = jgit; // the outermost one carries the URL and the HTTP status
                    }
                }
                case IOException local when DiskFull.causes(local) -> {
                    return "this server's disk is full";
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        if (transport != null && transport.getMessage() != null) {
            if (NOT_AUTHORIZED.matcher(transport.getMessage()).find()) {
                return "the server refused access: the credentials are missing or wrong";
            }
            Matcher status = HTTP_STATUS.matcher(transport.getMessage());
            if (status.find()) {
                return "the server answered with HTTP status " + status.group(1);
            }
            return "the server did not answer as a git server does";
        }
        return "an unexpected error; the server log has the details";
    }

    /** Each cause's type and message, for the server log (never for users: messages hold what the remote sent). */
    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
        }
        return chain.toString();
    }
}
