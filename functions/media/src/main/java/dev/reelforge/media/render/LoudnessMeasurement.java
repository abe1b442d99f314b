package dev.reelforge.media.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import java.io.IOException;

/**
 * What the first {@code loudnorm} pass measured on the polished audio (EBU R128): integrated loudness, true peak,
 * loudness range, gating threshold and the offset loudnorm proposes; the render pass feeds them back for a linear
 * (gain-only) normalisation.
 */
record LoudnessMeasurement(double integratedLufs, double truePeakDbtp, double lra, double threshold, double offset) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Silence (or near-silence) has nothing to normalise; loudnorm would amplify noise by up to 70 dB. */
    boolean silent() {
        return !Double.isFinite(integratedLufs) || integratedLufs <= -60;
    }

    /**
     * Whether loudnorm can normalise with gain alone: the gain must keep the true peak under {@code peakCeiling} and
     * the range within {@code lraTarget}; otherwise it switches to its dynamic (compressing) mode.
     */
    boolean linearPossible(double targetLufs, double peakCeiling, double lraTarget) {
        return truePeakDbtp + (targetLufs - integratedLufs) <= peakCeiling && lra <= lraTarget;
    }

    /** Parses the JSON block {@code loudnorm=print_format=json} writes at the end of FFmpeg's log. */
    static LoudnessMeasurement parse(String ffmpegLog) {
        int start = ffmpegLog.lastIndexOf("\"input_i\"");
        int open = start < 0 ? -1 : ffmpegLog.lastIndexOf('{', start);
        int close = start < 0 ? -1 : ffmpegLog.indexOf('}', start);
        if (open < 0 || close < 0) {
            throw new MediaProcessingException("the loudness measurement printed no loudnorm summary");
        }
        try {
            JsonNode node = JSON.readTree(ffmpegLog.substring(open, close + 1));
            return new LoudnessMeasurement(
                    number(node, "input_i"),
                    number(node, "input_tp"),
                    number(node, "input_lra"),
                    number(node, "input_thresh"),
                    number(node, "target_offset"));
        } catch (IOException e) {
            throw new MediaProcessingException("unreadable loudnorm summary: " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode node, String field) {
        String text = node.path(field).asText("");
        return switch (text) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new MediaProcessingException("loudnorm reported " + field + " = '" + text + "'", e);
                }
            }
        };
    }
}
