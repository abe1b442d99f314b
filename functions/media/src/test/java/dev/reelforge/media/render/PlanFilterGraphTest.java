package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.AudioPolish;
import dev.reelforge.core.media.Grade;
import dev.reelforge.core.media.Rendition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFilterGraphTest {
    private static final Rendition WIDE = new Rendition("wide", 320, 180, Rendition.Fit.CROP);
    private static final WatermarkImage MARK = new WatermarkImage(Path.of("m.png"), 10, 20, 30, 11);

    @Test
    void build_threeBeatClips_crossfadesEndCrossfadeSecondsBeforeEachClipEnds() {
        String graph = PlanFilterGraph.build(spec(3, List.of(2.0, 2.0, 2.0), false));

        assertThat(graph)
                .contains("[c0][c1]xfade=transition=fade:duration=0.5:offset=1.5[x1]")
                .contains("[x1][c2]xfade=transition=fade:duration=0.5:offset=3[x2]")
                .contains("[3:v]overlay=x=10:y=20");
    }

    @Test
    void build_cuda_scalesOnTheGpuAndDownloadsBeforeTheGrade() {
        String graph = PlanFilterGraph.build(spec(1, List.of(2.0), true));

        assertThat(graph)
                .startsWith("[0:v]split=1[g0];[g0]scale_cuda=320:180")
                .contains("hwdownload,format=nv12,crop=320:180")
                .contains("hue=s=0.92");
    }

    @Test
    void audio_beatClips_acrossfadeThenDenoiseAndEndWithThePicture() {
        String audio = PlanFilterGraph.audio(List.of(2.0, 2.0), 0.5, new AudioPolish(0.15, 100, -16, -2), "");

        assertThat(audio)
                .isEqualTo(
                        "[0:a][1:a]acrossfade=d=0.5:c1=tri:c2=tri[ax1];[ax1]highpass=f=100,afftdn=nr=15,aresample=48000,atrim=end=3.5[apol]");
    }

    @Test
    void grade_neutral_isANoOp() {
        assertThat(PlanFilterGraph.grade(new Grade(1, 1, 0, ""), null)).isEqualTo("null");
        assertThat(PlanFilterGraph.grade(new Grade(1, 1.1, 0.05, ""), null))
                .isEqualTo("lutyuv=y='clip((val-128)*1.1+128+12.8,0,255)'");
    }

    private static PlanFilterGraph.Spec spec(int clips, List<Double> seconds, boolean cuda) {
        return new PlanFilterGraph.Spec(
                clips, seconds, 0.5, 24, WIDE, Grade.DEFAULT, null, List.of(WIDE), List.of(MARK), null, false, 1, cuda);
    }
}
