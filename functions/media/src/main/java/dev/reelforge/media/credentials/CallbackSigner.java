package dev.reelforge.media.credentials;

import com.sun.jna.Pointer;
import dev.reelforge.core.port.ProvenanceSigner;
import java.math.BigInteger;

/**
 * The SDK's signer callback over a {@link ProvenanceSigner}: the SDK hands over the COSE bytes to sign, the port signs
 * them with ES256 (the local key, or KMS), and the DER signature goes back in the fixed-width {@code r || s} form COSE
 * uses. A failure of the port (KMS unreachable, a wrong key) is kept so that the signing call can report it.
 */
final class CallbackSigner implements C2paLibrary.SignerCallback {
    private static final int P256_SCALAR_BYTES = 32;

    private final ProvenanceSigner signer;
    private volatile RuntimeException failure;

    CallbackSigner(ProvenanceSigner signer) {
        this.signer = signer;
    }

    @Override
    public long invoke(Pointer context, Pointer data, long length, Pointer signature, long capacity) {
        try {
            byte[] raw = rawSignature(signer.sign(data.getByteArray(0, Math.toIntExact(length))));
            if (raw.length > capacity) {
                throw new IllegalStateException(
                        "the SDK left " + capacity + " bytes for a " + raw.length + "-byte signature");
            }
            signature.write(0, raw, 0, raw.length);
            return raw.length;
        } catch (RuntimeException e) {
            failure = e;
            return -1;
        }
    }

    /** The port's failure during the last signing, or null. */
    RuntimeException failure() {
        return failure;
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to {@code r || s}, each left-padded to 32 bytes. */
    static byte[] rawSignature(byte[] der) {
        if (der.length < 8 || der[0] != 0x30) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int offset = (der[1] & 0x80) != 0 ? 2 + (der[1] & 0x7f) : 2;
        byte[] raw = new byte[2 * P256_SCALAR_BYTES];
        for (int part = 0; part < 2; part++) {
            if (der[offset] != 0x02) {
                throw new IllegalArgumentException("not a DER ECDSA signature");
            }
            int length = der[offset + 1];
            byte[] integer = new byte[length];
            System.arraycopy(der, offset + 2, integer, 0, length);
            byte[] unsigned = new BigInteger(1, integer).toByteArray();
            int start = unsigned.length > P256_SCALAR_BYTES ? unsigned.length - P256_SCALAR_BYTES : 0;
            int copied = unsigned.length - start;
            if (copied > P256_SCALAR_BYTES) {
                throw new IllegalArgumentException("not a P-256 signature");
            }
            System.arraycopy(unsigned, start, raw, (part + 1) * P256_SCALAR_BYTES - copied, copied);
            offset += 2 + length;
        }
        return raw;
    }
}
