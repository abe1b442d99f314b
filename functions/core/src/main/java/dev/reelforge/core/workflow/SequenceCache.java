package dev.reelforge.core.workflow;

import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.cache.CacheKey;
import dev.reelforge.core.edit.StoryboardDiff;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.sequence.PlannedShot;
import dev.reelforge.core.sequence.ShotFingerprints;
import dev.reelforge.core.sequence.ShotPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prompt cache for a storyboard rendered shot by shot. Validate asks it first for the whole sequence (its
 * {@link CacheKey#sequence} key: the accepted shot originals, stitched again by post-processing), then, shot by shot,
 * for each shot's {@link ShotFingerprints fingerprint} ({@link CacheKey#shot}): a shot the cache answers is reused
 * like a storyboard edit's unchanged shot, with no provider job and no charge. A chained shot whose predecessor
 * renders renders too, since it starts from that new clip's last frame. Finalize files a finished sequence: the whole
 * when every shot passed, and each shot that passed its own review (a shot accepted after giving up is not filed).
 */
final class SequenceCache {
    private final PromptCache cache;

    SequenceCache(PromptCache cache) {
        this.cache = cache;
    }

    /**
     * What the cache answers for one sequence.
     *
     * @param whole the cached sequence, or null
     * @param shotKeys each shot's cache key, in shot order
     * @param shots per shot, the cached clip it reuses; null where it renders (all null on a whole hit)
     */
    record Answer(CacheEntry whole, List<String> shotKeys, StoryboardDiff shots) {
        Answer {
            shotKeys = List.copyOf(shotKeys);
        }

        boolean hit() {
            return whole != null;
        }
    }

    Answer find(ShotPlan plan, ModelCapabilities model, String referenceSha256, String sequenceKey) {
        String tenant = plan.whole().tenant();
        List<String> keys = ShotFingerprints.of(plan, model, referenceSha256).stream()
                .map(print -> CacheKey.shot(tenant, print))
                .toList();
        CacheEntry whole = cache.find(sequenceKey).filter(CacheEntry::sequence).orElse(null);
        List<ReusedShot> reused = new ArrayList<>();
        for (PlannedShot shot : plan.shots()) {
            boolean afterRendered = shot.chainsFromPrevious() && reused.get(reused.size() - 1) == null;
            reused.add(
                    whole != null || afterRendered
                            ? null
                            : cache.find(keys.get(shot.index() - 1))
                                    .filter(e -> !e.clipKey().isEmpty())
                                    .map(e -> new ReusedShot(
                                            shot.index(),
                                            e.jobId(),
                                            e.shot(),
                                            e.clipKey(),
                                            e.lastFrameKey(),
                                            Verdict.PASS))
                                    .orElse(null));
        }
        return new Answer(whole, keys, new StoryboardDiff(reused));
    }

    /**
     * Files a sequence that Finalize recorded. {@code job} is Validate's ticket ({@code shotCacheKeys} set), {@code
     * record} the job record with every shot's attempts and cached shots.
     */
    void file(JobTicket job, JobRecord record, ReviewOutcome review, Instant now) {
        if (job.cacheHit() || job.shotCacheKeys().isEmpty()) {
            return;
        }
        if (review.verdict() == Verdict.PASS) {
            cache.put(new CacheEntry(
                    job.cacheKey(),
                    review.shotClipKeys().get(0),
                    job.jobId(),
                    job.provider(),
                    job.model(),
                    now,
                    review.shotClipKeys(),
                    "",
                    0));
        }
        Map<Integer, ReusedShot> accepted = StoryboardDiff.accepted(record);
        for (int index = 1; index <= job.shotCacheKeys().size(); index++) {
            ReusedShot shot = accepted.get(index);
            if (shot != null && shot.verdict() == Verdict.PASS) {
                cache.put(new CacheEntry(
                        job.shotCacheKeys().get(index - 1),
                        shot.clipKey(),
                        shot.fromJob(),
                        job.provider(),
                        job.model(),
                        now,
                        List.of(),
                        shot.lastFrameKey(),
                        shot.fromShot()));
            }
        }
    }
}
