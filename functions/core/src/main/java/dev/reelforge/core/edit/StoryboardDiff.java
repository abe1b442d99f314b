package dev.reelforge.core.edit;

import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.job.VersionLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which shots of a storyboard edit render and which reuse the earlier version's accepted clip. A new shot is
 * unchanged when an earlier shot has the same fingerprint ({@code ShotFingerprints}: everything its provider job is
 * sent, and for a chained shot its predecessor too); it then reuses that shot's clip, found on the earlier job's
 * record (an attempt of that shot whose review accepted it, or, for an edit of an edit, the shot it reused itself).
 *
 * @param reused per new shot (index − 1), the clip it reuses; null where the shot renders
 */
public record StoryboardDiff(List<ReusedShot> reused) {
    public StoryboardDiff {
        reused = Collections.unmodifiableList(new ArrayList<>(reused));
    }

    public static StoryboardDiff of(List<String> before, JobRecord earlier, List<String> after) {
        Map<Integer, ReusedShot> accepted = accepted(earlier);
        Map<String, ReusedShot> byPrint = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            ReusedShot clip = accepted.get(i + 1);
            if (clip != null) {
                byPrint.putIfAbsent(before.get(i), clip);
            }
        }
        List<ReusedShot> reused = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            ReusedShot clip = byPrint.get(after.get(i));
            reused.add(clip == null ? null : clip.at(i + 1));
        }
        return new StoryboardDiff(reused);
    }

    /** Whether shot {@code index} (1-based) renders. */
    public boolean renders(int index) {
        return reused.get(index - 1) == null;
    }

    /** The 1-based indexes of the shots that render. */
    public List<Integer> rendered() {
        List<Integer> shots = new ArrayList<>();
        for (int i = 1; i <= reused.size(); i++) {
            if (renders(i)) {
                shots.add(i);
            }
        }
        return shots;
    }

    /** The reused shots alone, for the job record. */
    public List<ReusedShot> reusedOnly() {
        return reused.stream().filter(r -> r != null).toList();
    }

    /**
     * Each shot's accepted clip on a sequence's record: its last accepted attempt, else the clip it reused (from
     * an earlier version, or from the prompt cache).
     */
    public static Map<Integer, ReusedShot> accepted(JobRecord record) {
        Map<Integer, ReusedShot> shots = new HashMap<>();
        VersionLink link = record.detail().version();
        if (link != null) {
            link.reusedShots().forEach(r -> shots.put(r.shot(), r));
        }
        record.detail().cachedShots().forEach(r -> shots.put(r.shot(), r));
        for (AttemptDetail a : record.detail().attempts()) {
            if (a.shot() != null
                    && a.verdict() != null
                    && a.verdict().accepted()
                    && a.bestClipKey() != null
                    && !a.bestClipKey().isEmpty()) {
                shots.put(
                        a.shot(),
                        new ReusedShot(
                                a.shot(),
                                record.jobId(),
                                a.shot(),
                                a.bestClipKey(),
                                StorageKeys.shotLastFrame(record.tenant(), record.jobId(), a.shot()),
                                a.verdict()));
            }
        }
        return shots;
    }
}
