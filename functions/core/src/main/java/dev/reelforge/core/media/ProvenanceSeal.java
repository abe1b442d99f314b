package dev.reelforge.core.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.port.ProvenanceSigner;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * Signs and verifies {@link ProvenanceRecord}s. The signed bytes are the record's JSON without its {@code signature}
 * field, with object keys sorted and no whitespace, so any edit to any field (or an added field) breaks the
 * signature while the file stays readable JSON. Thread-safe.
 *
 * <pre>{@code
 * ProvenanceRecord sealed = seal.sign(record, signer);
 * ProvenanceSeal.Verification v = seal.verify(recordBytes, sha256OfOutput, trustedKeyDerOrNull);
 * }</pre>
 */
public final class ProvenanceSeal {
    public static final String ALGORITHM = "SHA256withECDSA";

    private final ObjectMapper json;

    public ProvenanceSeal(ObjectMapper json) {
        this.json = json;
    }

    public ProvenanceRecord sign(ProvenanceRecord record, ProvenanceSigner signer) {
        byte[] payload = canonical(json.valueToTree(record.withSignature(null)));
        Base64.Encoder base64 = Base64.getEncoder();
        return record.withSignature(new ProvenanceRecord.Signature(
                ALGORITHM,
                signer.keyId(),
                base64.encodeToString(signer.publicKeyDer()),
                base64.encodeToString(signer.sign(payload))));
    }

    /**
     * Checks that {@code recordBytes} is a record whose signature verifies and that lists {@code outputSha256} among
     * its outputs or originals. With {@code trustedPublicKeyDer} the record must also be signed by that key;
     * without it the key embedded in the record is used, which proves integrity but not who signed.
     */
    public Verification verify(byte[] recordBytes, String outputSha256, byte[] trustedPublicKeyDer) {
        JsonNode tree;
        try {
            tree = json.readTree(recordBytes);
        } catch (IOException e) {
            return Verification.failed("the record is not valid JSON: " + e.getMessage());
        }
        if (tree == null
                || !tree.isObject()
                || !ProvenanceRecord.FORMAT.equals(tree.path("format").asText())) {
            return Verification.failed("not a " + ProvenanceRecord.FORMAT + " record");
        }
        JsonNode signature = tree.path("signature");
        if (!ALGORITHM.equals(signature.path("algorithm").asText())) {
            return Verification.failed("the record is unsigned or uses an unknown algorithm");
        }
        byte[] embeddedKey;
        byte[] value;
        try {
            embeddedKey = Base64.getDecoder().decode(signature.path("publicKey").asText());
            value = Base64.getDecoder().decode(signature.path("value").asText());
        } catch (IllegalArgumentException e) {
            return Verification.failed("the record's signature or key is not valid base64");
        }
        if (trustedPublicKeyDer != null && !Arrays.equals(trustedPublicKeyDer, embeddedKey)) {
            return Verification.failed(
                    "the record was signed by key " + signature.path("keyId").asText() + ", not by the trusted key");
        }
        ObjectNode unsigned = ((ObjectNode) tree).deepCopy();
        unsigned.putNull("signature");
        if (!signatureValid(embeddedKey, canonical(unsigned), value)) {
            return Verification.failed("the record's signature does not verify: the record was modified after signing");
        }
        for (String list : new String[] {"outputs", "originals"}) {
            for (JsonNode file : tree.path(list)) {
                if (file.path("sha256").asText().equalsIgnoreCase(outputSha256)) {
                    return Verification.verified(
                            file.path("name").asText(), signature.path("keyId").asText(), trustedPublicKeyDer != null);
                }
            }
        }
        return Verification.failed("the file's SHA-256 " + outputSha256 + " is not in the record: the file is not one "
                + "this job produced, or it was modified");
    }

    private static boolean signatureValid(byte[] publicKeyDer, byte[] payload, byte[] signatureDer) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyDer));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signatureDer);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Sorted keys, no whitespace: the bytes the signature covers. */
    byte[] canonical(JsonNode node) {
        try {
            return json.writeValueAsBytes(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode out = json.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    /** The outcome, with a message a person can act on. */
    public record Verification(boolean ok, String message) {
        static Verification verified(String name, String keyId, boolean trusted) {
            return new Verification(
                    true,
                    "verified: " + name + " is listed in the record and the signature by " + keyId
                            + (trusted
                                    ? " (the trusted key)"
                                    : " (the key embedded in the record; pass a trusted key to check who signed)")
                            + " is valid");
        }

        static Verification failed(String why) {
            return new Verification(false, why);
        }
    }
}
