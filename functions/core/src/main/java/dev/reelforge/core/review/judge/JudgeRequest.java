package dev.reelforge.core.review.judge;

import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.request.Storyboard;
import java.util.List;

/** What a judge is shown: the prompt and storyboard the clip was made from, stills in time order, the items to answer. */
public record JudgeRequest(String prompt, Storyboard storyboard, List<SampledFrame> frames, List<JudgeItem> items) {
    public JudgeRequest {
        frames = List.copyOf(frames);
        items = List.copyOf(items);
        if (frames.isEmpty() || items.isEmpty()) {
            throw new IllegalArgumentException("a judge needs at least one still and one checklist item");
        }
    }
}
