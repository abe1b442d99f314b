package dev.reelforge.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Whether a downloaded file is an MP4 at all, read from its ISO BMFF box structure in plain Java: light Lambdas carry
 * no FFmpeg, and a gateway's error page answered with status 200 and a complete Content-Length looks, to a byte
 * count, exactly like a clip. The top-level boxes must tile the file exactly (a cut transfer leaves the last box
 * short), start with {@code ftyp}, and hold a {@code moov} with a movie header and media data ({@code mdat}), laid
 * out plainly or as fragments ({@code moof}). Order after {@code ftyp} is free: {@code moov} after {@code mdat} is
 * a valid, not-fast-start file. Decoding is left to the review; this only says the file is worth reviewing.
 *
 * <pre>{@code
 * switch (Mp4Structure.inspect(file)) {
 *     case Mp4Structure.Playable p -> store(file, p.durationSeconds());
 *     case Mp4Structure.Corrupt c -> downloadAgain(c.reason());
 * }
 * }</pre>
 */
public final class Mp4Structure {
    /** Smaller than any real clip: the headers of a one-frame MP4 alone take a few hundred bytes. */
    public static final long MIN_BYTES = 1024;

    private static final long MAX_MOOV_BYTES = 64L * 1024 * 1024;

    private Mp4Structure() {}

    /** What {@link #inspect} found. */
    public sealed interface Inspection permits Playable, Corrupt {}

    /**
     * The file is a structurally complete MP4.
     *
     * @param durationSeconds from the movie header ({@code mvhd}, or {@code mehd} when fragmented); 0 when the file
     *     does not say (a fragmented file without {@code mehd})
     */
    public record Playable(long bytes, double durationSeconds, boolean fragmented) implements Inspection {}

    /** The file is not a complete MP4; {@code reason} says what it is instead, for a job record. */
    public record Corrupt(String reason) implements Inspection {}

    public static Inspection inspect(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return inspect(channel);
        }
    }

    private static Inspection inspect(FileChannel file) throws IOException {
        long size = file.size();
        if (size < 8) {
            return new Corrupt(size == 0 ? "the body was empty" : "the body was only " + size + " bytes");
        }
        String impostor = impostor(read(file, 0, (int) Math.min(size, 64)));
        if (!impostor.isEmpty()) {
            return new Corrupt("the body was " + impostor + ", not an MP4");
        }
        long offset = 0;
        boolean first = true;
        boolean hasMdat = false;
        boolean hasMoof = false;
        ByteBuffer moov = null;
        while (offset < size) {
            if (size - offset < 8) {
                return new Corrupt("the file ends inside a box header at byte " + offset + " (truncated)");
            }
            ByteBuffer header = read(file, offset, (int) Math.min(16, size - offset));
            long boxSize = header.getInt(0) & 0xffffffffL;
            String type = boxType(header, 4);
            if (type == null) {
                return new Corrupt("byte " + offset + " does not start an ISO BMFF box (not an MP4, or a corrupt one)");
            }
            if (first && !type.equals("ftyp")) {
                return new Corrupt("the file starts with a '" + type + "' box, not 'ftyp' (not an MP4)");
            }
            int headerBytes = 8;
            if (boxSize == 1) {
                if (header.limit() < 16) {
                    return new Corrupt("the file ends inside the '" + type + "' box header (truncated)");
                }
                boxSize = header.getLong(8);
                headerBytes = 16;
            } else if (boxSize == 0) {
                boxSize = size - offset;
            }
            if (boxSize < headerBytes) {
                return new Corrupt("the '" + type + "' box at byte " + offset + " declares " + boxSize
                        + " bytes, less than its own header");
            }
            if (boxSize > size - offset) {
                return new Corrupt("the '" + type + "' box at byte " + offset + " needs " + boxSize
                        + " bytes but the file has " + (size - offset) + " left (truncated)");
            }
            if (first && boxSize < 16) {
                return new Corrupt("the 'ftyp' box is " + boxSize + " bytes, too short for a brand");
            }
            first = false;
            switch (type) {
                case "mdat" -> hasMdat = true;
                case "moof" -> hasMoof = true;
                case "moov" -> {
                    if (moov != null) {
                        return new Corrupt("the file has two 'moov' boxes");
                    }
                    if (boxSize - headerBytes > MAX_MOOV_BYTES) {
                        return new Corrupt("the 'moov' box is " + boxSize + " bytes, implausibly large for a clip");
                    }
                    moov = read(file, offset + headerBytes, (int) (boxSize - headerBytes));
                }
                default -> {}
            }
            offset += boxSize;
        }
        if (moov == null) {
            return new Corrupt(
                    hasMoof
                            ? "the file has fragments ('moof') but no 'moov' to describe its tracks"
                            : "the file has no 'moov' box (the movie header is missing)");
        }
        if (!hasMdat) {
            return new Corrupt("the file has no media data ('mdat')");
        }
        if (size < MIN_BYTES) {
            return new Corrupt("the file is only " + size + " bytes, too small for a video clip");
        }
        return movie(moov, size, hasMoof);
    }

    /** Duration from {@code mvhd} (and {@code mvex/mehd} for fragments) inside the {@code moov} body. */
    private static Inspection movie(ByteBuffer moov, long size, boolean hasMoof) {
        ByteBuffer mvhd = child(moov, "mvhd");
        if (mvhd == null || mvhd.remaining() < 20) {
            return new Corrupt("the 'moov' box has no readable movie header ('mvhd')");
        }
        int version = mvhd.get(mvhd.position()) & 0xff;
        int at = mvhd.position() + 4 + (version == 1 ? 16 : 8);
        if (mvhd.limit() < at + (version == 1 ? 12 : 8)) {
            return new Corrupt("the movie header ('mvhd') is cut short");
        }
        long timescale = mvhd.getInt(at) & 0xffffffffL;
        long duration = version == 1 ? mvhd.getLong(at + 4) : mvhd.getInt(at + 4) & 0xffffffffL;
        if (timescale == 0) {
            return new Corrupt("the movie header ('mvhd') has a time scale of 0");
        }
        ByteBuffer mvex = child(moov, "mvex");
        boolean fragmented = hasMoof || mvex != null;
        if (mvex != null && (duration == 0 || duration == 0xffffffffL)) {
            ByteBuffer mehd = child(mvex, "mehd");
            if (mehd != null && mehd.remaining() >= 8) {
                int mehdVersion = mehd.get(mehd.position()) & 0xff;
                duration = mehdVersion == 1 && mehd.remaining() >= 12
                        ? mehd.getLong(mehd.position() + 4)
                        : mehd.getInt(mehd.position() + 4) & 0xffffffffL;
            }
        }
        if (duration == 0xffffffffL || duration < 0) {
            duration = 0;
        }
        if (duration == 0 && !fragmented) {
            return new Corrupt("the movie header ('mvhd') says the clip lasts 0 seconds");
        }
        return new Playable(size, (double) duration / timescale, fragmented);
    }

    /** The body of the first child box named {@code type} in {@code parent}'s remaining bytes, or null. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        int offset = parent.position();
        while (parent.limit() - offset >= 8) {
            long boxSize = parent.getInt(offset) & 0xffffffffL;
            String name = boxType(parent, offset + 4);
            int headerBytes = 8;
            if (boxSize == 1 && parent.limit() - offset >= 16) {
                boxSize = parent.getLong(offset + 8);
                headerBytes = 16;
            } else if (boxSize == 0) {
                boxSize = parent.limit() - offset;
            }
            if (name == null || boxSize < headerBytes || boxSize > parent.limit() - offset) {
                return null;
            }
            if (name.equals(type)) {
                return parent.duplicate()
                        .position(offset + headerBytes)
                        .limit((int) (offset + boxSize))
                        .slice();
            }
            offset += (int) boxSize;
        }
        return null;
    }

    /** Four printable ASCII characters, as every box type is, or null. */
    private static String boxType(ByteBuffer buffer, int at) {
        if (buffer.limit() < at + 4) {
            return null;
        }
        byte[] name = new byte[4];
        for (int i = 0; i < 4; i++) {
            name[i] = buffer.get(at + i);
            if (name[i] < 0x20 || name[i] > 0x7e) {
                return null;
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    /** A name for what an error page or API answer served in place of the clip looks like, or empty. */
    private static String impostor(ByteBuffer start) {
        String text = StandardCharsets.ISO_8859_1
                .decode(start)
                .toString()
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doctype html")
                || text.startsWith("<html")
                || text.startsWith("<head")
                || text.startsWith("<body")) {
            return "an HTML page";
        }
        if (text.startsWith("<?xml") || text.startsWith("<error")) {
            return "an XML document";
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return "a JSON document";
        }
        return "";
    }

    private static ByteBuffer read(FileChannel file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
