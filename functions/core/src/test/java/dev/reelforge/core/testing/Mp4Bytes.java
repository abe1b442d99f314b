package dev.reelforge.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * ISO BMFF files built box by box, for tests of download validation: a structurally complete MP4 of a given
 * duration (plain or fragmented), and the pieces to build broken ones. The media data is padding, not frames.
 */
public final class Mp4Bytes {
    private Mp4Bytes() {}

    /** ftyp, moov (mvhd at time scale 1000), mdat: what a provider serves for a {@code seconds}-long clip. */
    public static byte[] clip(double seconds) {
        return concat(ftyp(), moov(mvhd(1000, Math.round(seconds * 1000))), mdat(4096));
    }

    /** ftyp, moov (mvhd duration 0, mvex/mehd), then moof + mdat fragments, as fragmented MP4 (CMAF) lays it out. */
    public static byte[] fragmented(double seconds) {
        byte[] mehd = box(
                "mehd",
                ByteBuffer.allocate(8)
                        .putInt(0)
                        .putInt((int) Math.round(seconds * 1000))
                        .array());
        return concat(
                ftyp(),
                moov(mvhd(1000, 0), box("mvex", mehd)),
                box("moof", new byte[24]),
                mdat(2048),
                box("moof", new byte[24]),
                mdat(2048));
    }

    public static byte[] ftyp() {
        return box(
                "ftyp",
                concat(
                        "isom".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0, 0, 2, 0},
                        "isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII)));
    }

    public static byte[] moov(byte[]... children) {
        return box("moov", concat(children));
    }

    /** A version-0 movie header. */
    public static byte[] mvhd(int timescale, long duration) {
        ByteBuffer body = ByteBuffer.allocate(100);
        body.putInt(0).putInt(0).putInt(0).putInt(timescale).putInt((int) duration);
        return box("mvhd", body.array());
    }

    public static byte[] mdat(int bytes) {
        return box("mdat", new byte[bytes]);
    }

    public static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(body)
                .array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
