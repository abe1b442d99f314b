package dev.reelforge.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner that {@link ProviderKeysNeverLoggedTest} relies on finds a logged key in each form it looks for. */
class SecretScannerTest {
    private static final String KEY = "gw_LeakCanary_unit_7fQ2xZ9p";
    private final SecretScanner scanner = new SecretScanner(Map.of("openai", KEY, "fal", "fal:Canary+/=9x"));

    @Test
    void scanText_keyInALogLine_isFoundInItsHeaderForm() {
        String log = "[main] WARN dev.reelforge.providers.internal.ProviderHttp - retrying with Authorization: Bearer "
                + KEY;

        assertThat(scanner.scanText("stderr", log))
                .containsExactly(new SecretScanner.Finding("stderr", "openai", "Bearer header"));
    }

    @Test
    void scanText_bareBase64AndUrlEncodedForms_areFound() {
        assertThat(scanner.scanText("a", "reason: refused " + KEY + "."))
                .extracting(SecretScanner.Finding::form)
                .containsExactly("value");
        assertThat(scanner.scanText(
                        "b", "Basic " + Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))))
                .extracting(SecretScanner.Finding::form)
                .containsExactly("base64");
        assertThat(scanner.scanText("c", "GET /x?key=fal%3ACanary%2B%2F%3D9x"))
                .extracting(SecretScanner.Finding::form)
                .containsExactly("url-encoded");
    }

    @Test
    void scanText_withoutTheKey_findsNothing() {
        assertThat(scanner.scanText(
                        "stderr", "openai-videos refused our credentials (HTTP 401); check the deployment's API key"))
                .isEmpty();
        assertThat(scanner.scanText("stderr", "gw_LeakCanary_unit_7fQ2x"))
                .as("a prefix is not the key")
                .isEmpty();
    }

    @Test
    void scanTree_keyInsideABinaryFileDeepDown_isFoundWithItsPath(@TempDir Path root) throws IOException {
        Path clip = root.resolve("s3/reelforge-clips/outputs/demo/job/clip.mp4");
        Files.createDirectories(clip.getParent());
        byte[] bytes = new byte[4096];
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(key, 0, bytes, 3000, key.length);
        Files.write(clip, bytes);
        Files.writeString(root.resolve("clean.log"), "nothing to see");

        assertThat(scanner.scanTree(root))
                .containsExactly(
                        new SecretScanner.Finding("s3/reelforge-clips/outputs/demo/job/clip.mp4", "openai", "value"));
        assertThat(SecretScanner.coverage(root)).containsExactly(2, 4096 + 14);
    }

    @Test
    void constructor_shortSecret_isRefused() {
        assertThatThrownBy(() -> new SecretScanner(Map.of("tiny", "abc"))).isInstanceOf(IllegalArgumentException.class);
    }
}
