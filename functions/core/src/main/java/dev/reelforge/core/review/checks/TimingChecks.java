package dev.reelforge.core.review.checks;

import static dev.reelforge.core.review.checks.PictureChecks.check;
import static dev.reelforge.core.review.checks.PictureChecks.fmt;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.SpokenCue;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The checks about when things happen: cuts against the beats, sounds against the cues and against the picture. */
public final class TimingChecks {
    /** How far from an onset to look for the motion peak it belongs to. */
    static final double SYNC_SEARCH_SECONDS = 0.5;
    /** Peaks at least this share of the window's highest are the same kind of event (a landing and its bounce). */
    static final double COMPARABLE_PEAK = 0.85;

    /** Cue words for a sound that something visible makes: contact, breakage, a step, a blow. */
    static final Pattern VISIBLE_ACTION =
            Pattern.compile("\\b(impact|hit|hits|thud|thump|crash|shatter|shatters|smash|clink"
                    + "|clank|clatter|slam|slams|bang|knock|knocks|tap|taps|splash|splat|splatter|land|lands|landing|drop|drops|bounce"
                    + "|bounces|snap|crack|break|breaks|pop|clap|claps|step|steps|footstep|footsteps|stomp|kick|punch|slap|scrape"
                    + "|thwack|whack|ding|click|bump)\\b");

    private TimingChecks() {}

    /** Whether a cue names a sound made by something visible (an impact, a step, a blow), by its words. */
    static boolean isVisibleAction(AudioCue cue) {
        return VISIBLE_ACTION
                .matcher(cue.description().toLowerCase(Locale.ROOT))
                .find();
    }

    /** Detected cuts farther than the tolerance from every shot boundary of the storyboard. */
    public static Check unexpectedCut(
            ClipMetrics m, ShotStructure shots, List<Integer> boundaryFrames, ReviewThresholds t) {
        List<Integer> unexpected = shots.cuts().stream()
                .filter(cut -> boundaryFrames.stream().noneMatch(b -> Math.abs(b - cut) <= t.cutToleranceFrames()))
                .toList();
        String at = unexpected.stream().map(f -> fmt("%.2f s", m.timeOf(f))).collect(Collectors.joining(", "));
        return check(
                "unexpected-cut",
                unexpected.isEmpty(),
                unexpected.size(),
                0,
                "cuts",
                unexpected.isEmpty()
                        ? fmt(
                                "%d cut(s), all within ±%.0f frames of a shot boundary",
                                shots.cuts().size(), t.cutToleranceFrames())
                        : "cut(s) inside a shot at " + at,
                "make each shot one continuous take; cut only where the storyboard names a new shot");
    }

    /**
     * Each timed sound cue needs an audio onset within the tolerance (in frames of this clip). Spoken cues are the
     * dialogue check's: a voice rises too gently for the energy-onset detector.
     */
    public static Check audioCues(ClipMetrics m, Storyboard storyboard, ReviewThresholds t) {
        List<AudioCue> cues = storyboard.audioCues().stream()
                .filter(c -> !SpokenCue.isSpeech(c))
                .toList();
        if (cues.isEmpty()) {
            return check("audio-cues", true, 0, t.audioCueToleranceFrames(), "frames", "no timed cues to match", "");
        }
        double worst = 0;
        List<String> misses = new ArrayList<>();
        for (AudioCue cue : cues) {
            double nearest = m.audioOnsets().stream()
                    .mapToDouble(o -> Math.abs(o - cue.atSeconds()))
                    .min()
                    .orElse(Double.MAX_VALUE);
            double frames = nearest * m.fps();
            worst = Math.max(worst, frames);
            if (frames > t.audioCueToleranceFrames()) {
                misses.add(
                        nearest == Double.MAX_VALUE
                                ? fmt("'%s' at %.2f s: no onset", cue.description(), cue.atSeconds())
                                : fmt(
                                        "'%s' at %.2f s: nearest onset %.0f ms away",
                                        cue.description(), cue.atSeconds(), nearest * 1000));
            }
        }
        double value = worst == Double.MAX_VALUE * m.fps() || !m.hasAudio() ? 999 : worst;
        return check(
                "audio-cues",
                misses.isEmpty() && m.hasAudio(),
                value,
                t.audioCueToleranceFrames(),
                "frames",
                !m.hasAudio()
                        ? "no audio stream"
                        : misses.isEmpty()
                                ? fmt("%d cue(s) matched by onsets, worst %.1f frames off", cues.size(), worst)
                                : String.join("; ", misses),
                "make each listed sound land exactly on its timed moment");
    }

    /**
     * Median offset between the sounds the storyboard names as impacts or actions and the visual event (motion peak)
     * nearest each (positive: sound late). Only those are paired: most sounds of a real soundtrack (music, ambience,
     * dialogue, effects off screen) have no visible event, and pairing them with whatever moves measures nothing. A
     * named cue's sound is the onset nearest its time. A visual event can be the source of one sound only: when
     * several onsets pair with the same peak, the closest one keeps it. When the window holds several peaks of
     * comparable height (a landing and the bounce's landing), the sound belongs to the first: contact makes the
     * sound, and taking the taller of two near-equal peaks would flip between them on a rounding difference. Not
     * applicable when no named impact could be paired.
     */
    public static Check avSync(ClipMetrics m, ShotStructure shots, Storyboard storyboard, ReviewThresholds t) {
        Map<Integer, Double> offsetByPeak = new TreeMap<>();
        List<AudioCue> impacts = storyboard.audioCues().stream()
                .filter(TimingChecks::isVisibleAction)
                .toList();
        for (AudioCue cue : impacts) {
            double onset = m.audioOnsets().stream()
                    .min(Comparator.comparingDouble(o -> Math.abs(o - cue.atSeconds())))
                    .filter(o -> Math.abs(o - cue.atSeconds()) <= SYNC_SEARCH_SECONDS)
                    .orElse(Double.NaN);
            if (Double.isNaN(onset)) {
                continue;
            }
            int from = Math.max(1, (int) Math.floor((onset - SYNC_SEARCH_SECONDS) * m.fps()));
            int to = Math.min(m.frameCount() - 1, (int) Math.ceil((onset + SYNC_SEARCH_SECONDS) * m.fps()));
            int peak = firstComparablePeak(m.motion(), shots.excluded(), from, to);
            if (peak >= 0 && isDistinctPeak(m.motion(), shots.excluded(), from, to, peak)) {
                double offset = onset - eventTime(m, shots, from, to, peak);
                offsetByPeak.merge(peak, offset, (a, b) -> Math.abs(a) <= Math.abs(b) ? a : b);
            }
        }
        List<Double> offsets = new ArrayList<>(offsetByPeak.values());
        if (offsets.isEmpty()) {
            return Check.notApplicable(
                    "av-sync",
                    t.avSyncMs(),
                    "ms",
                    impacts.isEmpty()
                            ? "the storyboard names no impact or action sound to pair with the picture"
                            : impacts.size()
                                    + " named impact sound(s), none with an onset and a distinct motion peak near it");
        }
        double[] sorted =
                offsets.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double offsetMs = (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) * 1000;
        return check(
                "av-sync",
                Math.abs(offsetMs) <= t.avSyncMs(),
                Math.abs(offsetMs),
                t.avSyncMs(),
                "ms",
                fmt(
                        "sound %s the picture by %.0f ms (median of %d onset/motion pairs)",
                        offsetMs >= 0 ? "lags" : "leads", Math.abs(offsetMs), n),
                "align each sound exactly with the visible action it belongs to");
    }

    /**
     * The visible moment of an impact: global motion energy rises while something falls and dies away once it
     * lands, so the moment lies between the motion peak and the frame where the motion has decayed halfway to
     * the window's median; their midpoint matched the true impact within half a frame to two frames on the corpus.
     */
    static double eventTime(ClipMetrics m, ShotStructure shots, int from, int to, int peak) {
        double[] window = Arrays.copyOfRange(m.motion(), from, to + 1);
        boolean[] skip = Arrays.copyOfRange(shots.excluded(), from, to + 1);
        double half = (m.motion()[peak] + SeriesStats.median(window, skip)) / 2;
        int decayed = peak;
        while (decayed < to && m.motion()[decayed] >= half) {
            decayed++;
        }
        return (m.timeOf(peak) + m.timeOf(decayed)) / 2;
    }

    /** The earliest local maximum reaching {@value #COMPARABLE_PEAK} of the window's highest motion; −1 if none. */
    static int firstComparablePeak(double[] motion, boolean[] excluded, int from, int to) {
        int highest = -1;
        for (int i = from; i <= to; i++) {
            if (!excluded[i] && (highest < 0 || motion[i] > motion[highest])) {
                highest = i;
            }
        }
        for (int i = from; i < highest; i++) {
            boolean localMax = (i == from || motion[i] >= motion[i - 1]) && motion[i] >= motion[i + 1];
            if (!excluded[i] && localMax && motion[i] >= COMPARABLE_PEAK * motion[highest]) {
                return i;
            }
        }
        return highest;
    }

    /** The peak must stand out from the window's median motion, or the pairing is a guess. */
    private static boolean isDistinctPeak(double[] motion, boolean[] excluded, int from, int to, int peak) {
        double[] window = new double[to - from + 1];
        boolean[] skip = new boolean[window.length];
        for (int i = from; i <= to; i++) {
            window[i - from] = motion[i];
            skip[i - from] = excluded[i];
        }
        double median = SeriesStats.median(window, skip);
        return motion[peak] >= Math.max(1.5 * median, median + 0.5)
                && !Arrays.stream(window).allMatch(Double::isNaN);
    }
}
