package dev.reelforge.providers.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.testing.Mp4Bytes;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a download must look like on the wire before it is written as the clip. */
class ClipDownloadTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private HttpResponse<InputStream> fetch(String contentType, byte[] body) throws Exception {
        var answer = aResponse().withBody(body);
        server.stubFor(get(urlEqualTo("/clip"))
                .willReturn(contentType == null ? answer : answer.withHeader("Content-Type", contentType)));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/clip"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void write_videoOrOpaqueOrUntyped_isWrittenWithItsChecksum() throws Exception {
        byte[] mp4 = Mp4Bytes.clip(8);
        for (String type : new String[] {"video/mp4", "application/octet-stream", "binary/octet-stream", null}) {
            Path target = dir.resolve("clip-" + (type == null ? "none" : type.replace('/', '-')) + ".mp4");
            assertThat(ClipDownload.write(fetch(type, mp4), target, "test")).hasSize(64);
            assertThat(Files.readAllBytes(target)).isEqualTo(mp4);
        }
    }

    @Test
    void write_htmlOrJsonServedWithStatus200_isACorruptDownloadAndWritesNothing() throws Exception {
        Path target = dir.resolve("clip.mp4");
        assertThatThrownBy(() -> ClipDownload.write(
                        fetch("text/html; charset=utf-8", "<html>502</html>".getBytes()), target, "test"))
                .isInstanceOf(CorruptDownloadException.class)
                .hasMessageContaining("'text/html'");
        assertThatThrownBy(() ->
                        ClipDownload.write(fetch("application/json", "{\"error\": {}}".getBytes()), target, "test"))
                .isInstanceOf(CorruptDownloadException.class)
                .hasMessageContaining("'application/json'");
        assertThat(target).doesNotExist();
    }

    @Test
    void write_thumbnailVariant_acceptsImagesButNotVideos() throws Exception {
        assertThat(ClipDownload.write(
                        fetch("image/webp", new byte[] {1, 2, 3}), dir.resolve("thumb.webp"), "test", "image/"))
                .hasSize(64);
        assertThatThrownBy(() -> ClipDownload.write(
                        fetch("video/mp4", new byte[] {1, 2, 3}), dir.resolve("t2.webp"), "test", "image/"))
                .isInstanceOf(CorruptDownloadException.class);
    }
}
