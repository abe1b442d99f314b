package dev.reelforge.core.request;

import java.util.Comparator;
import java.util.List;

/**
 * How a storyboard counts frames, read from all its frame ranges at once: from 1 ({@code Frames 1–30, 31–60}, the
 * usual), from 0 ({@code Frames 0–29, 30–59}), or as boundaries that consecutive ranges share
 * ({@code Frames 0–30, 30–60}). A single range cannot tell, so the whole prompt decides.
 */
enum FrameCount {
    FROM_ONE,
    FROM_ZERO,
    BOUNDARIES;

    static FrameCount of(List<PromptMarkers.Marker> ranges) {
        List<PromptMarkers.Marker> sorted = ranges.stream()
                .sorted(Comparator.comparingInt(PromptMarkers.Marker::firstFrame))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).firstFrame() == sorted.get(i - 1).lastFrame()) {
                return BOUNDARIES;
            }
        }
        return !sorted.isEmpty() && sorted.get(0).firstFrame() == 0 ? FROM_ZERO : FROM_ONE;
    }

    double start(int frame, int fps) {
        return this == FROM_ONE ? Timecode.frameStart(frame, fps) : frame / (double) fps;
    }

    double end(int frame, int fps) {
        return this == FROM_ZERO ? (frame + 1) / (double) fps : frame / (double) fps;
    }
}
