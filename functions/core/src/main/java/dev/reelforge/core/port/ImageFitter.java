package dev.reelforge.core.port;

import dev.reelforge.core.reference.ImageHeader;
import dev.reelforge.core.request.FrameSize;

/**
 * Fits a still image to a frame size by the documented policy (docs/request-format.md): {@code crop} scales the
 * image to cover the frame and cuts the centre out; {@code pad} scales it to fit inside and letterboxes it on
 * black. The output is a PNG of exactly the frame size. Implementations are deterministic (the same bytes give the
 * same PNG, so the fitted copy's key is stable) and thread-safe.
 */
public interface ImageFitter {
    /**
     * @param policy {@code crop} or {@code pad}
     * @throws dev.reelforge.core.error.InvalidRequestException naming {@code referenceImage} when the image
     *     cannot be decoded
     */
    byte[] fit(byte[] image, ImageHeader header, FrameSize frame, String policy);
}
