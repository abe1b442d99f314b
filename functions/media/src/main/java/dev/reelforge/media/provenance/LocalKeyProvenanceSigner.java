package dev.reelforge.media.provenance;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.port.ProvenanceSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * {@link ProvenanceSigner} over an ECDSA P-256 key in PEM files: {@code provenance-key.pem} (PKCS#8, owner-only) and
 * {@code provenance-public.pem} (X.509), generated on first use, e.g. under {@code .reelforge/keys/}. The local and
 * self-hosted stand-in for the KMS key. Thread-safe.
 */
public final class LocalKeyProvenanceSigner implements ProvenanceSigner {
    public static final String PRIVATE_FILE = "provenance-key.pem";
    public static final String PUBLIC_FILE = "provenance-public.pem";

    private final PrivateKey privateKey;
    private final byte[] publicKeyDer;
    private final String keyId;

    private LocalKeyProvenanceSigner(PrivateKey privateKey, byte[] publicKeyDer) {
        this.privateKey = privateKey;
        this.publicKeyDer = publicKeyDer.clone();
        this.keyId = "local:" + sha256Hex(publicKeyDer).substring(0, 16);
    }

    /** Loads the key from {@code keyDir}, generating and writing a new one when there is none. */
    public static synchronized LocalKeyProvenanceSigner loadOrCreate(Path keyDir) {
        Path privateFile = keyDir.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(keyDir);
                Path temporary = Files.createTempFile(keyDir, "key", ".tmp");
                restrict(temporary);
                Files.writeString(
                        temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.move(temporary, privateFile);
                Files.writeString(
                        keyDir.resolve(PUBLIC_FILE),
                        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(readPem(keyDir.resolve(PUBLIC_FILE))));
            return new LocalKeyProvenanceSigner(key, publicKey.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the provenance key under " + keyDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the provenance key " + privateFile + " is not a PKCS#8 EC P-256 key: " + e.getMessage(), e);
        }
    }

    /** The DER bytes of a PEM file's single block (either key file). */
    public static byte[] readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] publicKeyDer() {
        return publicKeyDer.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
