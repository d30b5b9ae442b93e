package dev.rustlens.gitrepo;

import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private repositories' credentials and webhooks' signing secrets (AES-256-GCM) with a
 * key that never enters the database: {@code rustlens.secret-key} (base64 of 32 bytes), or else a
 * key file created once in the work directory, readable by its owner only.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RustlensConfig config;
    private volatile SecretKey key;

    public CredentialCipher(RustlensConfig config) {
        this.config = config;
    }

    /** A username and a token (or password) for fetching a private repository. */
    public record Credentials(String username, String token) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", token=***]"; // never the token, in any log
        }
    }

    public byte[] encrypt(Credentials credentials) {
        return seal(credentials.username() + "\0" + credentials.token());
    }

    /** Decrypts stored credentials; fails when the key changed since they were stored. */
    public Credentials decrypt(byte[] sealed) {
        String plain = open(sealed, "credentials", "Set the repository's credentials again.");
        int separator = plain.indexOf('\0');
        return new Credentials(plain.substring(0, separator), plain.substring(separator + 1));
    }

    /** Encrypts a secret (a webhook's signing secret) under the same key as credentials. */
    public byte[] seal(String secret) {
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            return ByteBuffer.allocate(IV_BYTES + plain.length + TAG_BITS / 8).put(iv).put(cipher.doFinal(plain)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts what {@link #seal} encrypted; fails, naming {@code what} was stored and {@code remedy},
     * when the key changed since.
     */
    public String open(byte[] sealed, String what, String remedy) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the stored " + what + " cannot be decrypted: was rustlens.secret-key"
                    + " or the key file changed? " + remedy, e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(config.secretKey().map(Base64.getDecoder()::decode).orElseGet(this::keyFile), "AES");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] keyFile() {
        Path file = config.workDir().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(fresh));
                } catch (FileAlreadyExistsException e) {
                    // another instance sharing the work directory made it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
