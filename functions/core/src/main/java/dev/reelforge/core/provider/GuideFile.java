package dev.reelforge.core.provider;

import dev.reelforge.core.reference.GuideImage;

/**
 * A request's last frame or reference image as an adapter receives it ({@link GenerationSpec#guides()}): the
 * stored copy on local disk, and a time-limited URL of it for protocols that fetch images themselves (empty where
 * the store cannot presign one).
 */
public record GuideFile(GuideImage.Role role, String path, String url) {
    public GuideFile {
        url = url == null ? "" : url;
    }
}
