package dev.reelforge.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.testing.Stills;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The type comes from the bytes, the size from the format's header, and a cut-off file is refused. */
class ImageHeaderTest {

    @Test
    void read_png_givesTypeAndSize() {
        ImageHeader header = ImageHeader.read(Stills.png(320, 180, 0), "referenceImage");

        assertThat(header.format()).isEqualTo(ImageHeader.Format.PNG);
        assertThat(header.width()).isEqualTo(320);
        assertThat(header.height()).isEqualTo(180);
    }

    @Test
    void read_jpeg_givesTypeAndSize() {
        ImageHeader header = ImageHeader.read(Stills.jpeg(180, 320, 0), "referenceImage");

        assertThat(header.format()).isEqualTo(ImageHeader.Format.JPEG);
        assertThat(header.width()).isEqualTo(180);
        assertThat(header.height()).isEqualTo(320);
    }

    @Test
    void read_webpLossless_givesTypeAndSize() {
        ImageHeader header = ImageHeader.read(Stills.webpHeader(1280, 720), "referenceImage");

        assertThat(header.format()).isEqualTo(ImageHeader.Format.WEBP);
        assertThat(header.width()).isEqualTo(1280);
        assertThat(header.height()).isEqualTo(720);
    }

    @Test
    void read_gifNamedPng_isRefusedByItsBytes() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000 pretend this is a png".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ImageHeader.read(gif, "referenceImage"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: not a PNG, JPEG or WebP image");
    }

    @Test
    void read_truncatedPng_isRefused() {
        byte[] png = Stills.png(320, 180, 0);

        assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(png, png.length - 20), "referenceImage"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: the PNG image is truncated");
    }

    @Test
    void read_truncatedJpeg_isRefused() {
        byte[] jpeg = Stills.jpeg(320, 180, 0);

        assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(jpeg, jpeg.length / 2), "referenceImage"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the JPEG image is truncated");
    }

    @Test
    void read_truncatedWebp_isRefused() {
        byte[] webp = Stills.webpHeader(640, 360);

        assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(webp, 34), "referenceImage"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the WebP image is truncated");
    }
}
