package dev.reelforge.providers.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.reference.ImageHeader;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.testing.Stills;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Crop covers the frame and keeps the centre; pad fits inside on black; both give exactly the frame size. */
class Java2dImageFitterTest {
    private final Java2dImageFitter fitter = new Java2dImageFitter();

    private static BufferedImage fitted(byte[] image, FrameSize frame, String policy) throws IOException {
        byte[] png = new Java2dImageFitter().fit(image, ImageHeader.read(image, "referenceImage"), frame, policy);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void fit_crop_coversTheFrameAndKeepsTheSubjectInTheMiddle() throws IOException {
        byte[] square = Stills.png(600, 600, 0);

        BufferedImage out = fitted(square, new FrameSize(360, 640), "crop");

        assertThat(out.getWidth()).isEqualTo(360);
        assertThat(out.getHeight()).isEqualTo(640);
        int centre = out.getRGB(180, 320);
        int subject = Stills.image(600, 600, 0).getRGB(300, 300);
        assertThat(Math.abs((centre >> 16 & 0xff) - (subject >> 16 & 0xff))).isLessThan(8);
        assertThat(out.getRGB(2, 2) & 0xffffff).isNotZero();
    }

    @Test
    void fit_pad_letterboxesOnBlack() throws IOException {
        BufferedImage out = fitted(Stills.png(600, 600, 0), new FrameSize(360, 640), "pad");

        assertThat(out.getWidth()).isEqualTo(360);
        assertThat(out.getHeight()).isEqualTo(640);
        assertThat(out.getRGB(180, 5) & 0xffffff).isZero();
        assertThat(out.getRGB(180, 320) & 0xffffff).isNotZero();
    }

    @Test
    void fit_sameInput_givesTheSameBytes() {
        byte[] jpeg = Stills.jpeg(800, 600, 3);
        ImageHeader header = ImageHeader.read(jpeg, "referenceImage");

        assertThat(fitter.fit(jpeg, header, new FrameSize(1280, 720), "crop"))
                .isEqualTo(fitter.fit(jpeg, header, new FrameSize(1280, 720), "crop"));
    }

    @Test
    void fit_webpThatNeedsFitting_isRefusedWithTheWayOut() {
        byte[] webp = Stills.webpHeader(800, 600);

        assertThatThrownBy(() ->
                        fitter.fit(webp, ImageHeader.read(webp, "referenceImage"), new FrameSize(1280, 720), "crop"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage: a WEBP image of 800x600 cannot be fitted")
                .hasMessageContaining("of exactly 1280x720");
    }
}
