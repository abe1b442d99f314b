package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.kms.KmsProvenanceSigner;
import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.local.moto.MotoServer;
import java.net.URI;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * {@link KmsProvenanceSigner}'s key handling against moto's KMS. Signatures themselves are checked against LocalStack
 * ({@code KmsProvenanceSignerLocalStackTest}): moto 5.2.5 ignores {@code MessageType=DIGEST} and hashes the digest
 * again, so its signatures would not verify.
 */
@ExtendWith(MotoExtension.class)
class KmsProvenanceSignerMotoTest {

    static KmsClient kmsAt(URI endpoint) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalAccount.REGION))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsStack.CREDENTIALS.accessKeyId(), LocalAwsStack.CREDENTIALS.secretAccessKey())))
                .build();
    }

    static KeyMetadata createKey(KmsClient kms, KeySpec spec) {
        return kms.createKey(r ->
                        r.keySpec(spec).keyUsage(KeyUsageType.SIGN_VERIFY).description("reelforge provenance test"))
                .keyMetadata();
    }

    @Test
    void publicKeyDer_eccNistP256Key_isTheKmsPublicKeyAsP256SubjectPublicKeyInfo(MotoServer moto) throws Exception {
        try (KmsClient kms = kmsAt(moto.endpoint())) {
            KeyMetadata key = createKey(kms, KeySpec.ECC_NIST_P256);
            KmsProvenanceSigner signer = new KmsProvenanceSigner(kms, key.keyId());

            byte[] der = signer.publicKeyDer();

            assertThat(der)
                    .isEqualTo(kms.getPublicKey(r -> r.keyId(key.keyId()))
                            .publicKey()
                            .asByteArray());
            ECPublicKey parsed = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            assertThat(parsed.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
            // AWS (and LocalStack) answer GetPublicKey with the key ARN; moto with the bare key id
            assertThat(signer.keyId()).isIn(key.arn(), key.keyId());
        }
    }

    @Test
    void sign_secp256k1Key_isRejectedBeforeSigning(MotoServer moto) {
        try (KmsClient kms = kmsAt(moto.endpoint())) {
            KeyMetadata key = createKey(kms, KeySpec.ECC_SECG_P256_K1);
            KmsProvenanceSigner signer = new KmsProvenanceSigner(kms, key.keyId());

            assertThatThrownBy(() -> signer.sign(new byte[] {1, 2, 3}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ECC_NIST_P256");
        }
    }

    @Test
    void keyId_rsaKey_isRejectedNamingTheNeededSpec(MotoServer moto) {
        try (KmsClient kms = kmsAt(moto.endpoint())) {
            KeyMetadata key = createKey(kms, KeySpec.RSA_2048);
            KmsProvenanceSigner signer = new KmsProvenanceSigner(kms, key.keyId());

            assertThatThrownBy(signer::keyId)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RSA_2048")
                    .hasMessageContaining("ECC_NIST_P256");
        }
    }
}
