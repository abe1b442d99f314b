package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.AspectRatio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A creator's edit of a finished job, from the execution input's {@code edit} object: a remix
 * ({@code {"of": "<jobId>", "tenant": "<tenant>", "remix": "<instruction>"}}) or a re-cut
 * ({@code "recut": {"trim": "A-B", "retime": ["A-B=F"], "expand": ["A-B=A-C"]}}) or a storyboard edit
 * ({@code "storyboard": {"prompt": "…", "audioCues": […], "durationSeconds": N}}, {@link StoryboardEdit}) or a
 * reframe to another aspect ratio ({@code "reframe": {"aspectRatio": "9:16"}}, made by the provider). The edit
 * becomes a new job, a new version of {@code of}; the original is never touched. {@code tenant} is the caller's,
 * checked against the job's.
 *
 * @param storyboard the new storyboard of a storyboard edit; null otherwise
 * @param reframeTo the aspect ratio a reframe asks for; null otherwise
 */
public record EditRequest(
        String of,
        String tenant,
        Kind kind,
        String instruction,
        List<RecutOp> recut,
        StoryboardEdit storyboard,
        AspectRatio reframeTo) {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final int MAX_INSTRUCTION = 2_000;

    public EditRequest {
        recut = List.copyOf(recut);
        instruction = instruction == null ? "" : instruction;
    }

    /** The edits of a finished clip. */
    public enum Kind {
        REMIX,
        RECUT,
        STORYBOARD,
        REFRAME
    }

    public static EditRequest parse(JsonNode edit) {
        if (!edit.isObject()) {
            throw InvalidRequestException.of(
                    "edit", "must be an object with 'of', 'tenant' and 'remix', 'recut', 'storyboard' or 'reframe'");
        }
        String of = id(edit, "of");
        String tenant = id(edit, "tenant");
        boolean remix = edit.has("remix");
        boolean recut = edit.has("recut");
        boolean storyboard = edit.has("storyboard");
        boolean reframe = edit.has("reframe");
        if ((remix ? 1 : 0) + (recut ? 1 : 0) + (storyboard ? 1 : 0) + (reframe ? 1 : 0) != 1) {
            throw InvalidRequestException.of("edit", "name exactly one of 'remix', 'recut', 'storyboard' or 'reframe'");
        }
        if (reframe) {
            return new EditRequest(of, tenant, Kind.REFRAME, "", List.of(), null, aspectRatio(edit.get("reframe")));
        }
        if (storyboard) {
            return new EditRequest(
                    of, tenant, Kind.STORYBOARD, "", List.of(), StoryboardEdit.parse(edit.get("storyboard")), null);
        }
        if (remix) {
            JsonNode text = edit.get("remix");
            if (!text.isTextual() || text.asText().isBlank()) {
                throw InvalidRequestException.of("edit.remix", "must be the instruction, a non-empty string");
            }
            if (text.asText().length() > MAX_INSTRUCTION) {
                throw InvalidRequestException.of(
                        "edit.remix", "is longer than " + MAX_INSTRUCTION + " characters; say the change briefly");
            }
            return new EditRequest(of, tenant, Kind.REMIX, text.asText().strip(), List.of(), null, null);
        }
        return new EditRequest(of, tenant, Kind.RECUT, "", recutOps(edit.get("recut")), null, null);
    }

    private static AspectRatio aspectRatio(JsonNode reframe) {
        JsonNode ratio = reframe.path("aspectRatio");
        if (!reframe.isObject() || !ratio.isTextual()) {
            throw InvalidRequestException.of(
                    "edit.reframe.aspectRatio", "must be the aspect ratio wanted, e.g. \"9:16\"");
        }
        for (AspectRatio known : AspectRatio.values()) {
            if (known.label().equals(ratio.asText().strip())) {
                return known;
            }
        }
        throw InvalidRequestException.of(
                "edit.reframe.aspectRatio", "'" + ratio.asText() + "' is not an aspect ratio requests can ask for");
    }

    /** The edit as one line for the job record and the provenance, e.g. {@code remix: a glass mug}. */
    public String describe() {
        if (kind == Kind.REMIX) {
            return "remix: " + instruction;
        }
        if (kind == Kind.STORYBOARD) {
            return storyboard.describe();
        }
        if (kind == Kind.REFRAME) {
            return "reframe: " + reframeTo.label();
        }
        StringBuilder text = new StringBuilder("recut:");
        for (RecutOp op : recut) {
            text.append(' ').append(op.kind().wireName()).append(' ');
            text.append(String.format(
                    Locale.ROOT, "%.3f-%.3f", op.range().start(), op.range().end()));
            if (op.kind() == RecutOp.Kind.RETIME) {
                text.append(String.format(Locale.ROOT, "=%.4f", op.factor()));
            }
        }
        return text.toString();
    }

    private static List<RecutOp> recutOps(JsonNode recut) {
        if (!recut.isObject()) {
            throw InvalidRequestException.of("edit.recut", "must be an object with 'trim', 'retime' or 'expand'");
        }
        List<RecutOp> ops = new ArrayList<>();
        recut.fieldNames().forEachRemaining(name -> {
            if (!List.of("trim", "retime", "expand").contains(name)) {
                throw InvalidRequestException.of(
                        "edit.recut." + name, "is not a re-cut instruction (trim, retime or expand)");
            }
        });
        if (recut.has("trim")) {
            JsonNode trim = recut.get("trim");
            if (!trim.isTextual()) {
                throw InvalidRequestException.of("edit.recut.trim", "must be a range such as \"00:01-00:05\"");
            }
            ops.add(RecutOp.trim("edit.recut.trim", trim.asText()));
        }
        for (String name : List.of("retime", "expand")) {
            JsonNode list = recut.path(name);
            if (list.isMissingNode()) {
                continue;
            }
            if (!list.isArray()) {
                throw InvalidRequestException.of("edit.recut." + name, "must be an array of strings");
            }
            for (int i = 0; i < list.size(); i++) {
                String field = "edit.recut." + name + "[" + i + "]";
                if (!list.get(i).isTextual()) {
                    throw InvalidRequestException.of(field, "must be a string");
                }
                ops.add(
                        name.equals("retime")
                                ? RecutOp.retime(field, list.get(i).asText())
                                : RecutOp.expand(field, list.get(i).asText()));
            }
        }
        if (ops.isEmpty()) {
            throw InvalidRequestException.of("edit.recut", "name at least one of trim, retime or expand");
        }
        return ops;
    }

    private static String id(JsonNode edit, String field) {
        JsonNode value = edit.path(field);
        if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
            throw InvalidRequestException.of(
                    "edit." + field, "must be an id of letters, digits, '.', '_' or '-' (at most 128)");
        }
        return value.asText();
    }
}
