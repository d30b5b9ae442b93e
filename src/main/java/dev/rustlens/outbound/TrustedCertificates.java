package dev.rustlens.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of outbound connections: the JDK's trusted CAs, plus those of a PEM file an
 * admin gives ({@code rustlens.outbound.trusted-certificates}) for a server with a private CA.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLContext context(Optional<Path> extraPem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, extraPem.isEmpty() ? null : trustManagers(extraPem.get()), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for outbound connections", e);
        }
    }

    private static TrustManager[] trustManagers(Path pem) throws GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store needs no input", e);
        }
        int index = 0;
        for (X509Certificate ca : jdkDefaults().getAcceptedIssuers()) {
            anchors.setCertificateEntry("jdk-" + index++, ca);
        }
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(pem)) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("rustlens.outbound.trusted-certificates: cannot read certificates from "
                    + pem + ": " + e.getMessage(), e);
        }
        if (extra.isEmpty()) {
            throw new IllegalStateException("rustlens.outbound.trusted-certificates: no certificate in " + pem);
        }
        for (Certificate certificate : extra) {
            anchors.setCertificateEntry("extra-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        return factory.getTrustManagers();
    }

    private static X509TrustManager jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JDK has no X.509 trust manager"));
    }
}
