package dev.reelforge.media.credentials;

import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;

/**
 * A test certificate authority under the data directory, so that Content Credentials signed offline validate against a
 * documented trust anchor: {@value #CA_CERTIFICATE_FILE} (the anchor, a self-signed P-256 CA) and
 * {@value #CA_KEY_FILE} (its PKCS#8 key, owner-only), generated on first use. It issues the end-entity certificate
 * C2PA asks of a signer (key usage digitalSignature, extended key usage emailProtection, not a CA) for any P-256
 * public key: the local provenance key, or a KMS key's public half in tests. Not for production: a deployed signer's
 * chain comes from a real CA. Thread-safe.
 *
 * <pre>{@code
 * LocalCertificateAuthority ca = LocalCertificateAuthority.loadOrCreate(Path.of(".reelforge/keys"), Clock.systemUTC());
 * String chain = ca.issueSigningChain(signer.publicKeyDer(), "Reelforge local signer");
 * }</pre>
 */
public final class LocalCertificateAuthority {
    public static final String CA_CERTIFICATE_FILE = "c2pa-test-ca.pem";
    public static final String CA_KEY_FILE = "c2pa-test-ca-key.pem";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SIGNER_VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey caKey;
    private final X509Certificate caCertificate;
    private final Clock clock;

    private LocalCertificateAuthority(PrivateKey caKey, X509Certificate caCertificate, Clock clock) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
        this.clock = clock;
    }

    /** Loads the CA from {@code keyDir}, generating it when there is none. */
    public static synchronized LocalCertificateAuthority loadOrCreate(Path keyDir, Clock clock) {
        Path certificateFile = keyDir.resolve(CA_CERTIFICATE_FILE);
        Path keyFile = keyDir.resolve(CA_KEY_FILE);
        try {
            if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                byte[] name = name("Reelforge local test CA (not for production)");
                byte[] keyId = keyIdentifier(pair.getPublic().getEncoded());
                byte[] certificate = certificate(
                        pair.getPrivate(),
                        name,
                        name,
                        pair.getPublic().getEncoded(),
                        clock,
                        CA_VALIDITY,
                        Der.sequence(
                                extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                                extension("2.5.29.15", true, Der.bitString(1, new byte[] {0x06})),
                                extension("2.5.29.14", false, Der.octetString(keyId)),
                                extension("2.5.29.35", false, Der.sequence(Der.implicitPrimitive(0, keyId)))));
                Files.createDirectories(keyDir);
                Path temporary = Files.createTempFile(keyDir, "ca", ".tmp");
                restrict(temporary);
                Files.writeString(
                        temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(certificateFile, pem("CERTIFICATE", certificate));
                Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING);
            }
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(LocalKeyProvenanceSigner.readPem(keyFile)));
            return new LocalCertificateAuthority(
                    key, parse(LocalKeyProvenanceSigner.readPem(certificateFile), clock), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the local C2PA test CA under " + keyDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the local C2PA test CA under " + keyDir + " is unreadable (delete " + CA_CERTIFICATE_FILE + " and "
                            + CA_KEY_FILE + " to make a new one): " + e.getMessage(),
                    e);
        }
    }

    /** The trust anchor, PEM: what a verifier must trust for these credentials to validate as {@code Trusted}. */
    public String trustAnchorPem() {
        try {
            return pem("CERTIFICATE", caCertificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }

    /**
     * Issues a signing certificate for {@code subjectPublicKeyDer} (X.509 SubjectPublicKeyInfo of a P-256 key), valid
     * for a year from an hour ago, and returns the chain as C2PA wants it: PEM, the signer first, then this CA.
     */
    public String issueSigningChain(byte[] subjectPublicKeyDer, String commonName) {
        try {
            byte[] caKeyId = keyIdentifier(caCertificate.getPublicKey().getEncoded());
            byte[] leaf = certificate(
                    caKey,
                    caCertificate.getSubjectX500Principal().getEncoded(),
                    name(commonName),
                    subjectPublicKeyDer,
                    clock,
                    SIGNER_VALIDITY,
                    Der.sequence(
                            extension("2.5.29.19", true, Der.sequence()),
                            extension("2.5.29.15", true, Der.bitString(7, new byte[] {(byte) 0x80})),
                            extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.4"))),
                            extension("2.5.29.14", false, Der.octetString(keyIdentifier(subjectPublicKeyDer))),
                            extension("2.5.29.35", false, Der.sequence(Der.implicitPrimitive(0, caKeyId)))));
            X509Certificate parsed = parse(leaf, clock);
            parsed.verify(caCertificate.getPublicKey());
            return pem("CERTIFICATE", leaf) + trustAnchorPem();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not issue a C2PA signing certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] certificate(
            PrivateKey issuerKey,
            byte[] issuer,
            byte[] subject,
            byte[] subjectPublicKeyDer,
            Clock clock,
            Duration validity,
            byte[] extensions)
            throws GeneralSecurityException {
        ZonedDateTime now =
                ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuer,
                Der.sequence(Der.time(now.minusHours(1)), Der.time(now.plus(validity))),
                subject,
                subjectPublicKeyDer,
                Der.explicit(3, extensions));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(tbs);
        return Der.sequence(tbs, algorithm, Der.bitString(0, signature.sign()));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(
                Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))),
                Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("Reelforge"))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] keyIdentifier(byte[] publicKeyDer) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(publicKeyDer);
    }

    private static X509Certificate parse(byte[] der, Clock clock) throws GeneralSecurityException {
        X509Certificate certificate = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        certificate.checkValidity(Date.from(clock.instant()));
        return certificate;
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
}
