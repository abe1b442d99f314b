package dev.reelforge.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.InvalidRequestException.Problem;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.scene.Garment;
import dev.reelforge.core.scene.PlannedBeat;
import dev.reelforge.core.scene.ScenePlan;
import dev.reelforge.core.scene.Setting;
import dev.reelforge.core.scene.Shot;
import dev.reelforge.core.scene.Subject;
import dev.reelforge.core.validation.RequestValidator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code reelforge validate} understood of a request, so the creator can see it: the verdict, errors and
 * warnings, the beats with their shots, the timed cues, the shots, and the scene plan (subjects, setting, light,
 * camera). Printed as one JSON object ({@code --json}, times in seconds, {@code shot} the index of the beat's shot)
 * or as a readable summary of the same. {@code request} is null when the request could not be parsed at all.
 */
record ValidationReport(
        RenderRequest request, RequestValidator.Accepted accepted, List<Problem> errors, String rejection) {
    private static final Pattern FIELD_FIRST = Pattern.compile("([\\w$.\\[\\]']+): (.+)", Pattern.DOTALL);

    ValidationReport {
        errors = List.copyOf(errors);
    }

    static ValidationReport accepted(RenderRequest request, RequestValidator.Accepted accepted) {
        return new ValidationReport(request, accepted, List.of(), "");
    }

    static ValidationReport rejected(RenderRequest request, InvalidRequestException e) {
        return new ValidationReport(request, null, e.problems(), e.getMessage());
    }

    /** A rejection with a message only ("prompt: depicts a real person …"): its field is the message's prefix. */
    static ValidationReport rejected(RenderRequest request, String message) {
        Matcher m = FIELD_FIRST.matcher(message);
        Problem problem = m.matches() ? new Problem(m.group(1), m.group(2)) : new Problem("$", message);
        return new ValidationReport(request, null, List.of(problem), message);
    }

    boolean valid() {
        return accepted != null && errors.isEmpty();
    }

    String json(ObjectMapper json) {
        ObjectNode doc = json.createObjectNode();
        doc.put("valid", valid());
        ArrayNode errorList = doc.putArray("errors");
        errors.forEach(p -> errorList.addObject().put("field", p.field()).put("message", p.message()));
        ArrayNode warnings = doc.putArray("warnings");
        (accepted == null ? List.<String>of() : accepted.warnings()).forEach(warnings::add);
        if (accepted != null) {
            doc.put(
                    "model",
                    accepted.model().provider() + "/" + accepted.model().model());
            doc.put("estimatedCostUsd", accepted.estimate().usd());
        }
        ScenePlan plan = request == null ? null : ScenePlan.of(request);
        ArrayNode beats = doc.putArray("beats");
        ArrayNode cues = doc.putArray("cues");
        ArrayNode ambience = doc.putArray("ambience");
        ArrayNode shots = doc.putArray("shots");
        if (plan != null) {
            plan.beats()
                    .forEach(b -> beats.addObject()
                            .put("start", b.startSeconds())
                            .put("end", b.endSeconds())
                            .put("text", b.text())
                            .put("shot", b.shot())
                            .put("size", b.size().wireName())
                            .put("action", b.action()));
            request.storyboard()
                    .audioCues()
                    .forEach(c -> cues.addObject().put("at", c.atSeconds()).put("sound", c.description()));
            request.storyboard().ambience().forEach(ambience::add);
            plan.shots()
                    .forEach(s -> shots.addObject()
                            .put("start", s.startSeconds())
                            .put("end", s.endSeconds())
                            .put("framing", s.framing().wireName())
                            .put("camera", s.camera().move().wireName()));
            doc.set("scene", scene(json, plan));
        } else {
            doc.putNull("scene");
        }
        try {
            return json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode scene(ObjectMapper json, ScenePlan plan) {
        ObjectNode scene = json.createObjectNode();
        ArrayNode subjects = scene.putArray("subjects");
        for (Subject s : plan.subjects()) {
            ObjectNode subject = subjects.addObject()
                    .put("noun", s.noun())
                    .put("colour", s.colour())
                    .put("material", s.material() == null ? null : s.material().wireName());
            if (s.massGrams() == null) {
                subject.putNull("massGrams");
            } else {
                subject.put("massGrams", s.massGrams());
            }
            subject.put("count", s.count()).put("pieces", s.pieces());
            if (!s.clothing().isEmpty()) {
                ArrayNode clothing = subject.putArray("clothing");
                for (Garment g : s.clothing()) {
                    clothing.addObject().put("item", g.item()).put("colour", g.colour());
                }
            }
            if (!s.liquid().isEmpty()) {
                subject.put("liquid", s.liquid());
            }
            if (!s.name().isEmpty()) {
                subject.put("name", s.name());
            }
        }
        ObjectNode setting =
                scene.putObject("setting").put("place", plan.setting().place());
        ArrayNode surfaces = setting.putArray("surfaces");
        plan.setting()
                .surfaces()
                .forEach(s -> surfaces.addObject()
                        .put("noun", s.noun())
                        .put(
                                "material",
                                s.material() == null ? null : s.material().wireName()));
        scene.putObject("light")
                .put("direction", plan.light().direction().wireName())
                .put("warmth", plan.light().warmth().wireName());
        ObjectNode camera = scene.putObject("camera")
                .put("move", plan.camera().move().wireName())
                .put("stability", plan.camera().stability().wireName());
        if (plan.camera().lensMm() == null) {
            camera.putNull("lensMm");
        } else {
            camera.put("lensMm", plan.camera().lensMm());
        }
        return scene;
    }

    /** The readable summary: the verdict line, then what was understood, then warnings; errors go to {@code err}. */
    void print(PrintWriter out, PrintWriter err) {
        if (valid()) {
            out.printf(
                    Locale.ROOT,
                    "valid: %s/%s, %d beat(s), %d audio cue(s), estimated cost $%.2f%n",
                    accepted.model().provider(),
                    accepted.model().model(),
                    request.storyboard().beats().size(),
                    request.storyboard().audioCues().size(),
                    accepted.estimate().usd());
        } else {
            err.println("rejected: " + Printable.of(rejection));
        }
        if (request != null) {
            understood(ScenePlan.of(request)).forEach(line -> out.println(Printable.of(line)));
        }
        if (accepted != null) {
            accepted.warnings().forEach(w -> out.println("warning: " + Printable.of(w)));
        }
    }

    private List<String> understood(ScenePlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("beats:");
        for (PlannedBeat b : plan.beats()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %s  shot %d  %s",
                    span(b.startSeconds(), b.endSeconds()),
                    b.shot() + 1,
                    b.text().isEmpty() ? "(no text)" : b.text()));
        }
        lines.add("cues:" + (request.storyboard().audioCues().isEmpty() ? " none" : ""));
        for (AudioCue c : request.storyboard().audioCues()) {
            lines.add(String.format(Locale.ROOT, "  %6.2f s  %s", c.atSeconds(), c.description()));
        }
        if (!request.storyboard().ambience().isEmpty()) {
            lines.add("ambience (untimed): "
                    + String.join("; ", request.storyboard().ambience()));
        }
        lines.add("shots: " + plan.shots().size() + (plan.shots().size() == 1 ? " (no cut expected)" : ""));
        for (int i = 0; i < plan.shots().size(); i++) {
            Shot s = plan.shots().get(i);
            lines.add(String.format(
                    Locale.ROOT,
                    "  shot %d  %s  %s, camera %s",
                    i + 1,
                    span(s.startSeconds(), s.endSeconds()),
                    s.framing().wireName(),
                    s.camera().move().wireName()));
        }
        lines.add("scene:");
        for (Subject s : plan.subjects()) {
            lines.add("  subject: " + subject(s));
        }
        Setting setting = plan.setting();
        lines.add("  setting: " + (setting.place().isEmpty() ? "unnamed" : setting.place())
                + (setting.surfaces().isEmpty()
                        ? ""
                        : "; surfaces: "
                                + String.join(
                                        ", ",
                                        setting.surfaces().stream()
                                                .map(s -> s.noun()
                                                        + (s.material() == null
                                                                ? ""
                                                                : " ("
                                                                        + s.material()
                                                                                .wireName() + ")"))
                                                .toList())));
        lines.add("  light: " + plan.light().direction().wireName() + ", "
                + plan.light().warmth().wireName());
        lines.add("  camera: " + plan.camera().move().wireName() + ", "
                + plan.camera().stability().wireName()
                + (plan.camera().lensMm() == null
                        ? ""
                        : String.format(Locale.ROOT, ", %.0f mm", plan.camera().lensMm())));
        return lines;
    }

    private static String subject(Subject s) {
        List<String> traits = new ArrayList<>();
        if (!s.colour().isEmpty()) {
            traits.add(s.colour());
        }
        if (s.material() != null) {
            traits.add(s.material().wireName());
        }
        if (s.massGrams() != null) {
            traits.add(String.format(Locale.ROOT, "%.0f g", s.massGrams()));
        }
        if (s.count() > 1) {
            traits.add("x" + s.count());
        }
        if (s.breaks()) {
            traits.add("breaks into " + s.pieces() + " pieces");
        }
        if (!s.clothing().isEmpty()) {
            traits.add("wears "
                    + String.join(
                            ", ",
                            s.clothing().stream()
                                    .map(g -> (g.colour().isEmpty() ? "" : g.colour() + " ") + g.item())
                                    .toList()));
        }
        if (!s.liquid().isEmpty()) {
            traits.add("holds " + s.liquid());
        }
        String who = s.name().isEmpty() ? s.noun() : s.name() + ", " + s.noun();
        return who + (traits.isEmpty() ? "" : " (" + String.join(", ", traits) + ")");
    }

    private static String span(double start, double end) {
        return String.format(Locale.ROOT, "%5.2f–%5.2f s", start, end);
    }
}
