package dev.reelforge.local.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds configured secrets in captured output and in every file of a directory tree, in the forms a leak takes: the
 * value itself, the {@code Authorization} header forms ({@code Bearer …}, {@code Key …}), Base64 (a Basic header, an
 * encoded blob) and URL encoding. Files are searched as bytes, so a key inside a JSON snapshot, a log or an MP4's
 * metadata is found too. Thread-safe.
 */
final class SecretScanner {
    /** One secret found: where, which secret, in which form. */
    record Finding(String where, String secret, String form) {}

    private final Map<String, Map<String, byte[]>> forms = new LinkedHashMap<>();

    /** @param secrets each secret's value by a name to report it under */
    SecretScanner(Map<String, String> secrets) {
        secrets.forEach((name, value) -> {
            if (value.length() < 8) {
                throw new IllegalArgumentException(name + " is too short to scan for without false alarms");
            }
            Map<String, byte[]> byForm = new LinkedHashMap<>();
            byForm.put("Bearer header", ("Bearer " + value).getBytes(StandardCharsets.UTF_8));
            byForm.put("Key header", ("Key " + value).getBytes(StandardCharsets.UTF_8));
            byForm.put("value", value.getBytes(StandardCharsets.UTF_8));
            byForm.put(
                    "base64",
                    Base64.getEncoder()
                            .withoutPadding()
                            .encodeToString(value.getBytes(StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.US_ASCII));
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                byForm.put("url-encoded", encoded.getBytes(StandardCharsets.US_ASCII));
            }
            forms.put(name, byForm);
        });
    }

    List<Finding> scanText(String where, String text) {
        return scanBytes(where, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file under {@code root}, whatever its type. */
    List<Finding> scanTree(Path root) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                findings.addAll(scanBytes(root.relativize(file).toString(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** How many files {@link #scanTree} reads under {@code root}, and their bytes: what a clean scan covered. */
    static long[] coverage(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            long[] totals = new long[2];
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                totals[0]++;
                totals[1] += Files.size(file);
            }
            return totals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Finding> scanBytes(String where, byte[] haystack) {
        List<Finding> findings = new ArrayList<>();
        forms.forEach((name, byForm) -> {
            for (Map.Entry<String, byte[]> form : byForm.entrySet()) {
                if (indexOf(haystack, form.getValue()) >= 0) {
                    findings.add(new Finding(where, name, form.getKey()));
                    return;
                }
            }
        });
        return findings;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
