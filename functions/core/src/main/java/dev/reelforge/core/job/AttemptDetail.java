package dev.reelforge.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.review.ClipScore;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import java.util.List;

/**
 * One render round on the job record: what Submit sent, then what Review decided. Submit and Review each write their
 * half ({@link #submitted}, {@link #reviewed}); the half not yet written is null and absent from the stored JSON.
 *
 * @param estimatedCostUsd what the round's submissions were estimated to cost
 * @param originals the provider's copy behind each reviewed clip, with its checksum
 * @param shot the shot of a multi-shot sequence this round rendered (1-based); absent for a single clip
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptDetail(
        int attempt,
        RoundMode mode,
        String instruction,
        List<String> providerJobIds,
        Double estimatedCostUsd,
        Verdict verdict,
        String reason,
        String bestClipKey,
        List<ClipScore> clips,
        List<Original> originals,
        Integer shot) {

    public AttemptDetail {
        providerJobIds = providerJobIds == null ? null : List.copyOf(providerJobIds);
        clips = clips == null ? null : List.copyOf(clips);
        originals = originals == null ? null : List.copyOf(originals);
    }

    public static AttemptDetail submitted(
            int attempt, RoundMode mode, String instruction, List<String> providerJobIds, double estimatedCostUsd) {
        return new AttemptDetail(
                attempt, mode, instruction, providerJobIds, estimatedCostUsd, null, null, null, null, null, null);
    }

    /** This attempt marked as a render of shot {@code shot} (1-based) of a multi-shot sequence. */
    public AttemptDetail ofShot(int shot) {
        return new AttemptDetail(
                attempt,
                mode,
                instruction,
                providerJobIds,
                estimatedCostUsd,
                verdict,
                reason,
                bestClipKey,
                clips,
                originals,
                shot);
    }

    public static AttemptDetail reviewed(
            int attempt,
            Verdict verdict,
            String reason,
            String bestClipKey,
            List<ClipScore> clips,
            List<Original> originals) {
        return new AttemptDetail(attempt, null, null, null, null, verdict, reason, bestClipKey, clips, originals, null);
    }

    /** This attempt with every field {@code later} sets replacing its own. */
    AttemptDetail mergedWith(AttemptDetail later) {
        return new AttemptDetail(
                attempt,
                later.mode != null ? later.mode : mode,
                later.instruction != null ? later.instruction : instruction,
                later.providerJobIds != null ? later.providerJobIds : providerJobIds,
                later.estimatedCostUsd != null ? later.estimatedCostUsd : estimatedCostUsd,
                later.verdict != null ? later.verdict : verdict,
                later.reason != null ? later.reason : reason,
                later.bestClipKey != null ? later.bestClipKey : bestClipKey,
                later.clips != null ? later.clips : clips,
                later.originals != null ? later.originals : originals,
                later.shot != null ? later.shot : shot);
    }

    /** The stored original of one reviewed clip. */
    public record Original(String clipKey, String providerJobId, String sha256) {}
}
