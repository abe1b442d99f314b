package dev.reelforge.core.port;

/**
 * Signs provenance records with an ECDSA P-256 key: SHA-256 of the message, signature DER-encoded as
 * {@code java.security.Signature "SHA256withECDSA"} produces and verifies it. Locally the key is a PKCS#8 file under
 * the data directory; in AWS it is a KMS asymmetric key ({@code ECC_NIST_P256}, {@code ECDSA_SHA_256}) whose
 * private half never leaves KMS. Implementations are thread-safe.
 *
 * <pre>{@code
 * byte[] der = signer.sign(canonicalRecordBytes);
 * }</pre>
 */
public interface ProvenanceSigner {
    /** A stable identifier of the key (a KMS key ARN, or {@code local:<sha256 of the public key>}). */
    String keyId();

    /** The public key as X.509 SubjectPublicKeyInfo DER, embedded in every record so anyone can check it. */
    byte[] publicKeyDer();

    /** The DER-encoded ECDSA signature over SHA-256 of {@code message}. */
    byte[] sign(byte[] message);
}
