import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites each jar of a Lambda package's {@code lib/} with its entries stored instead of deflated, so that a cold
 * JVM reads every class it loads without inflating it (bench/cold-start measures the gain; the deployment zip
 * deflates each stored jar as one stream, so the upload even shrinks). Entry names, order, times, comments and bytes
 * are kept, and so are manifests and signatures; only the compression method changes. Each rewritten jar is checked
 * against its original, entry by entry (name, size, CRC-32), before it replaces it. Run by Maven at package time:
 * {@code java StoreJarsUncompressed.java LIB_DIR}.
 */
public final class StoreJarsUncompressed {
    private StoreJarsUncompressed() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java StoreJarsUncompressed.java LIB_DIR");
        }
        int rewritten = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                if (store(jar)) {
                    rewritten++;
                }
            }
        }
        System.out.println("StoreJarsUncompressed: " + rewritten + " jars in " + args[0] + " rewritten with stored entries");
    }

    /** Rewrites one jar in place; false when every entry was already stored. */
    static boolean store(Path jar) throws IOException {
        Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile original = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(original.entries());
            if (entries.stream().allMatch(entry -> entry.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(stored));
                    ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(ZipOutputStream.STORED);
                out.setComment(original.getComment());
                for (ZipEntry entry : entries) {
                    byte[] bytes;
                    try (InputStream in = original.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    out.putNextEntry(storedCopy(entry, bytes));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            verify(entries, stored);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
        Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static ZipEntry storedCopy(ZipEntry entry, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setMethod(ZipEntry.STORED);
        copy.setSize(bytes.length);
        copy.setCompressedSize(bytes.length);
        copy.setCrc(crc.getValue());
        copy.setTime(entry.getTime());
        copy.setComment(entry.getComment());
        return copy;
    }

    private static void verify(List<? extends ZipEntry> expected, Path stored) throws IOException {
        try (ZipFile copy = new ZipFile(stored.toFile())) {
            List<? extends ZipEntry> actual = Collections.list(copy.entries());
            List<String> problems = new ArrayList<>();
            if (actual.size() != expected.size()) {
                problems.add(actual.size() + " entries instead of " + expected.size());
            }
            for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                ZipEntry want = expected.get(i);
                ZipEntry got = actual.get(i);
                if (!got.getName().equals(want.getName())
                        || got.getSize() != want.getSize()
                        || got.getCrc() != want.getCrc()
                        || got.getMethod() != ZipEntry.STORED) {
                    problems.add("entry " + i + ": " + got.getName() + " differs from " + want.getName());
                }
            }
            if (!problems.isEmpty()) {
                throw new IOException("the stored copy of " + stored + " does not match its original: " + problems);
            }
        }
    }
}
