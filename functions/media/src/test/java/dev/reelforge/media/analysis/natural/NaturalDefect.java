package dev.reelforge.media.analysis.natural;

import dev.reelforge.media.analysis.natural.NaturalCorpus.Clip;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A flaw injected into a natural clip with FFmpeg filters, at a strength from 0 (weakest) to 1 (strongest) and a
 * seed that places it. Each names the check that must catch it. Every filter graph reads {@code [0:v]} and writes
 * {@code [v]}; the sound is copied as it is.
 */
enum NaturalDefect {
    /** Random frame-to-frame brightness steps of 4–13 luma levels. */
    FLICKER("flicker", "flicker") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int levels = (int) Math.round(4 + 9 * s);
            String brighter = f("gt(mod(sin(n*12.9898+%d)*43758.5453,1),0.5)", seed % 1000);
            return f(
                    "[0:v]lutyuv=y='clip(val+%d,0,255)':enable='%s',lutyuv=y='clip(val-%d,0,255)':enable='not(%s)'[v]",
                    levels, brighter, levels, brighter);
        }
    },
    /** Defocus from a moment early in the clip on: a box blur of 0.8–1.6 % of the short side. */
    BLUR("blur", "blur") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int radius = Math.max(2, (int) Math.round(shortSide(clip) * (0.008 + 0.008 * s)));
            return f(
                    "[0:v]avgblur=sizeX=%d:sizeY=%d:enable='gte(t,%.3f)'[v]",
                    radius,
                    radius,
                    clip.duration() * (0.05 + 0.15 * random(seed).nextDouble()));
        }
    },
    /** A held frame of 0.6–1.4 s in the middle of the clip. */
    FREEZE("freeze", "frozen") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int fps = clip.settings().fps();
            int first = (int)
                    Math.round(clip.duration() * (0.25 + 0.3 * random(seed).nextDouble()) * fps);
            int last = first + (int) Math.round((0.6 + 0.8 * s) * fps);
            return f("[0:v]split[a][b];[a][b]freezeframes=first=%d:last=%d:replace=%d[v]", first, last, first);
        }
    },
    /** A dropout to black of 0.12–0.42 s. */
    BLACK("black", "black") {
        @Override
        String filter(Clip clip, double s, long seed) {
            double at = clip.duration() * (0.2 + 0.5 * random(seed).nextDouble());
            return f("[0:v]drawbox=color=black:t=fill:enable='between(t,%.3f,%.3f)'[v]", at, at + 0.12 + 0.3 * s);
        }
    },
    /** A cut to another shot inside a shot: from a moment on, the picture is another source's clip. */
    CUT("cut", "unexpected-cut") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int w = clip.settings().frameSize().width();
            int h = clip.settings().frameSize().height();
            return f(
                    "[0:v]trim=end=%.3f,setpts=PTS-STARTPTS[first];[1:v]scale=%d:%d:force_original_aspect_ratio=increase,"
                            + "crop=%d:%d,setsar=1,trim=duration=%.3f,setpts=PTS-STARTPTS[second];[first][second]concat=n=2:v=1:a=0,"
                            + "fps=%d[v]",
                    insideShot(clip, seed),
                    w,
                    h,
                    w,
                    h,
                    clip.duration(),
                    clip.settings().fps());
        }

        @Override
        boolean needsOtherClip() {
            return true;
        }
    },
    /** 8×8 pixelation, aligned to the coding grid, mixed 50–100 % over the picture. */
    BLOCKY("blocky", "blockiness") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int w = clip.settings().frameSize().width();
            int h = clip.settings().frameSize().height();
            int bw = (w + 7) / 8;
            int bh = (h + 7) / 8;
            return f(
                    "[0:v]split[a][b];[b]scale=%d:%d:flags=area,scale=%d:%d:flags=neighbor,crop=%d:%d:0:0[p];"
                            + "[p][a]blend=all_mode=normal:all_opacity=%.3f[v]",
                    bw, bh, bw * 8, bh * 8, w, h, 0.5 + 0.5 * s);
        }
    },
    /** A white-balance and exposure walk across the whole clip: warmer and brighter by 8–16 levels a channel at its end. */
    DRIFT("drift", "colour-drift") {
        @Override
        String filter(Clip clip, double s, long seed) {
            double levels = 8 + 8 * s;
            return f(
                    "[0:v]geq=lum='clip(lum(X,Y)+%.2f*T/%.3f,0,255)':cb='clip(cb(X,Y)-%.2f*T/%.3f,0,255)'"
                            + ":cr='clip(cr(X,Y)+%.2f*T/%.3f,0,255)'[v]",
                    levels, clip.duration(), levels, clip.duration(), levels, clip.duration());
        }
    },
    /**
     * The palette turns mid-shot, as when a generator re-grades a shot halfway: from a moment inside a shot on, a hue
     * rotation of 30–70° and a warm or cool cast of 8–20 % in the mid-tones.
     */
    PALETTE_JUMP("palette-jump", "continuity") {
        @Override
        String filter(Clip clip, double s, long seed) {
            SplittableRandom random = random(seed);
            double sign = random.nextBoolean() ? 1 : -1;
            double cast = (0.08 + 0.12 * s) * sign;
            double at = insideShot(clip, seed);
            return f(
                    "[0:v]hue=h=%.1f:enable='gte(t,%.3f)',colorbalance=rm=%.3f:bm=%.3f:enable='gte(t,%.3f)'[v]",
                    sign * (30 + 40 * s), at, cast, -cast, at);
        }
    },
    /**
     * From the beat boundary of a one-shot clip on, the scene is lit from the other side: a left-to-right luma ramp of
     * ±20–45 %. (Across a cut, screen-space light direction changes legitimately with the camera, see
     * docs/review-checks.md, so the defect is placed where the shot continues.)
     */
    RELIT("relit", "continuity") {
        @Override
        String filter(Clip clip, double s, long seed) {
            double ramp = (0.2 + 0.25 * s) * (random(seed).nextBoolean() ? 1 : -1);
            return f(
                    "[0:v]geq=lum='clip(lum(X,Y)*(1+%.4f*(2*X/W-1)),0,255)':cb='cb(X,Y)':cr='cr(X,Y)':enable='gte(t,%.3f)'[v]",
                    ramp, clip.firstBoundary());
        }
    },
    /**
     * The subject leaves the frame: over the first 30–50 % of the clip the picture slides out sideways, leaving a
     * featureless (heavily blurred) background, and it stays out.
     */
    OUT_OF_FRAME("out-of-frame", "framing") {
        @Override
        String filter(Clip clip, double s, long seed) {
            int w = clip.settings().frameSize().width();
            int h = clip.settings().frameSize().height();
            double over = clip.duration() * (0.5 - 0.2 * s);
            int sign = random(seed).nextBoolean() ? 1 : -1;
            return f(
                    "[0:v]split[bg][fg];[bg]scale=%d:%d,avgblur=sizeX=8:sizeY=8,scale=%d:%d[flat];"
                            + "[flat][fg]overlay=x='%d*%d*min(1,t/%.3f)':y=0:eval=frame[v]",
                    Math.max(16, w / 16), Math.max(16, h / 16), w, h, sign, w, over);
        }
    };

    private final String label;
    private final String check;

    NaturalDefect(String label, String check) {
        this.label = label;
        this.check = check;
    }

    String label() {
        return label;
    }

    /** The review check that must fail on this defect. */
    String check() {
        return check;
    }

    abstract String filter(Clip clip, double strength, long seed);

    /** Whether the filter graph reads a second clip as {@code [1:v]}. */
    boolean needsOtherClip() {
        return false;
    }

    /** A moment inside a shot of the clip, at least 0.6 s from its cuts and its ends. */
    static double insideShot(Clip clip, long seed) {
        double longestFrom = 0;
        double longestTo = clip.duration();
        double previous = 0;
        double best = -1;
        for (double edge : concat(clip.cuts(), clip.duration())) {
            if (edge - previous > best) {
                best = edge - previous;
                longestFrom = previous;
                longestTo = edge;
            }
            previous = edge;
        }
        double margin = Math.min(0.6, (longestTo - longestFrom) / 3);
        return longestFrom
                + margin
                + (longestTo - longestFrom - 2 * margin) * random(seed).nextDouble();
    }

    private static double[] concat(List<Double> cuts, double end) {
        double[] edges = new double[cuts.size() + 1];
        for (int i = 0; i < cuts.size(); i++) {
            edges[i] = cuts.get(i);
        }
        edges[cuts.size()] = end;
        return edges;
    }

    private static int shortSide(Clip clip) {
        return Math.min(
                clip.settings().frameSize().width(), clip.settings().frameSize().height());
    }

    private static SplittableRandom random(long seed) {
        return new SplittableRandom(seed * 7919 + 17);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
