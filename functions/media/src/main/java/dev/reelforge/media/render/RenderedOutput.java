package dev.reelforge.media.render;

import java.nio.file.Path;

/**
 * One file the media plan produced: the rendition name (or {@code thumbnail}), where it was written locally and
 * the facts the workflow records with its clip-store key.
 */
public record RenderedOutput(String name, Path file, int width, int height, String sha256) {}
