package dev.reelforge.aws.kms;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.port.ProvenanceSigner;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * {@link ProvenanceSigner} over a KMS asymmetric key ({@code ECC_NIST_P256}, {@code SIGN_VERIFY}): the private half
 * never leaves KMS. The message is hashed here and sent as a {@code DIGEST} (records can exceed KMS's 4 KB
 * {@code RAW} limit); KMS returns the DER ECDSA signature that {@code SHA256withECDSA} verifies, so records check
 * with the same {@code ProvenanceSeal} code and {@code reelforge verify} as locally signed ones. The public key
 * and key ARN come from one {@code GetPublicKey} call, cached. Thread-safe; needs {@code kms:Sign} and
 * {@code kms:GetPublicKey} on the key.
 *
 * <pre>{@code
 * ProvenanceSigner signer = new KmsProvenanceSigner(clients.kms(), "alias/reelforge-provenance");
 * }</pre>
 */
public final class KmsProvenanceSigner implements ProvenanceSigner {
    private final KmsClient kms;
    private final String configuredKeyId;
    private volatile PublicKeyInfo publicKey;

    /** @param keyId a key id, key ARN, alias name or alias ARN */
    public KmsProvenanceSigner(KmsClient kms, String keyId) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.configuredKeyId = Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("the KMS provenance key id must not be blank");
        }
    }

    /** The key's ARN as KMS reports it (aliases resolve to the key they point at). */
    @Override
    public String keyId() {
        return publicKey().keyArn();
    }

    @Override
    public byte[] publicKeyDer() {
        return publicKey().der().clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        return kms.sign(r -> r.keyId(publicKey().keyArn())
                        .message(SdkBytes.fromByteArray(sha256(message)))
                        .messageType(MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature()
                .asByteArray();
    }

    private PublicKeyInfo publicKey() {
        PublicKeyInfo cached = publicKey;
        if (cached == null) {
            synchronized (this) {
                if (publicKey == null) {
                    publicKey = fetchPublicKey();
                }
                cached = publicKey;
            }
        }
        return cached;
    }

    /** Checks the key by its public half (moto omits {@code KeySpec}; ECDSA_SHA_256 alone would admit secp256k1). */
    private PublicKeyInfo fetchPublicKey() {
        GetPublicKeyResponse response = kms.getPublicKey(r -> r.keyId(configuredKeyId));
        byte[] der = response.publicKey().asByteArray();
        if (!isP256(der) || !response.signingAlgorithms().contains(SigningAlgorithmSpec.ECDSA_SHA_256)) {
            String spec =
                    response.keySpec() != null ? response.keySpecAsString() : response.customerMasterKeySpecAsString();
            throw new IllegalStateException("KMS key " + configuredKeyId + " is " + spec + " with "
                    + response.signingAlgorithmsAsStrings() + "; provenance needs an ECC_NIST_P256 SIGN_VERIFY key");
        }
        return new PublicKeyInfo(response.keyId(), der);
    }

    private static boolean isP256(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            return key instanceof ECPublicKey ec
                    && ec.getParams()
                            .getOrder()
                            .equals(p256.getParameterSpec(ECParameterSpec.class).getOrder());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] message) {
        return Sha256.digestOf(message);
    }

    private record PublicKeyInfo(String keyArn, byte[] der) {}
}
