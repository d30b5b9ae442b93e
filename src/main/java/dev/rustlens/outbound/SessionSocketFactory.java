package dev.rustlens.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS sockets of one {@link OutboundSession}. The JDK's HTTPS client asks for an unconnected
 * socket and connects it itself; the socket given out checks the address at that moment and keeps
 * its timeouts within the policy's, and TLS is layered on top once it is connected.
 */
final class SessionSocketFactory extends SSLSocketFactory {

    private final OutboundSession session;
    private final SSLSocketFactory tls;

    SessionSocketFactory(OutboundSession session, SSLSocketFactory tls) {
        this.session = session;
        this.tls = tls;
    }

    @Override
    public Socket createSocket() {
        return new CheckedSocket(session);
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(connected, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layered(InetSocketAddress.createUnresolved(host, port), host);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return layered(InetSocketAddress.createUnresolved(host, port), host);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return layered(new InetSocketAddress(host, port), host.getHostAddress());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return layered(new InetSocketAddress(address, port), address.getHostAddress());
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    private Socket layered(InetSocketAddress target, String host) throws IOException {
        Socket socket = new CheckedSocket(session);
        socket.connect(target);
        return tls.createSocket(socket, host, target.getPort(), true);
    }

    /** A plain socket that lets its session check and track it when it connects. */
    private static final class CheckedSocket extends Socket {
        private final OutboundSession session;

        CheckedSocket(OutboundSession session) {
            this.session = session;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress admitted = session.admit(this, endpoint);
            super.connect(admitted, session.connectTimeoutMillis(timeout));
            super.setSoTimeout(session.readTimeoutMillis(0));
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(session.readTimeoutMillis(timeout));
        }
    }
}
