package dev.reelforge.core.sequence;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What each shot of a sequence is rendered from, as one SHA-256 per shot: two shots with the same fingerprint are the
 * same provider job, so a storyboard edit reuses the earlier clip instead of rendering it again. A shot's fingerprint
 * covers everything its provider job is sent: the model, the shot's own prompt and storyboard (timed from the shot's
 * start, so a shot moved in time but otherwise the same keeps it), its settings (duration, frame, fps, variations,
 * style), the animatic defects aimed at it, the reference image's checksum where the shot starts from it, and, for a
 * shot chained from its predecessor's last frame, the predecessor's fingerprint: a changed shot changes every
 * chained shot after it. Budget, attempts and review limits decide which clip is kept, not what is rendered, and
 * are left out.
 */
public final class ShotFingerprints {
    private ShotFingerprints() {}

    /**
     * @param referenceSha256 the fitted reference image's checksum; empty for none
     * @return one hex fingerprint per shot, in shot order
     */
    public static List<String> of(ShotPlan plan, ModelCapabilities model, String referenceSha256) {
        List<String> prints = new ArrayList<>();
        String previous = "";
        for (PlannedShot shot : plan.shots()) {
            RenderRequest own = plan.requestFor(shot);
            StringBuilder text = new StringBuilder()
                    .append("model=")
                    .append(model.qualifiedName())
                    .append("\nprompt=")
                    .append(own.prompt())
                    .append("\nstoryboard=")
                    .append(own.storyboard())
                    .append("\nsettings=")
                    .append(own.settings())
                    .append("\ndefects=")
                    .append(own.defects())
                    .append(own.defectsPersist() ? " persist" : "")
                    .append("\nreference=")
                    .append(own.referenceImage().isEmpty() ? "" : referenceSha256)
                    .append("\nafter=")
                    .append(shot.chainsFromPrevious() ? previous : "");
            previous = Sha256.hex(text.toString());
            prints.add(previous);
        }
        return prints;
    }
}
