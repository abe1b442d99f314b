package dev.reelforge.core.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.request.StoryboardParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenePlanTest {
    private static final Path REQUESTS = Path.of("../../events/requests");

    private static ScenePlan plan(String prompt, double seconds) {
        return ScenePlan.of(
                new StoryboardParser().parse(prompt, List.of(), seconds).storyboard());
    }

    @Test
    void of_mugDrop_oneShotWithTheMugsColourMaterialWeightAndPieces() throws IOException {
        RenderRequest request =
                new RequestParser(new ObjectMapper()).parse(Files.readString(REQUESTS.resolve("mug-drop.json")));

        ScenePlan plan = ScenePlan.of(request);

        assertThat(plan.shots())
                .singleElement()
                .satisfies(s -> assertThat(s.endSeconds()).isEqualTo(6.0));
        assertThat(plan.beats()).extracting(PlannedBeat::shot).containsExactly(0, 0, 0);
        assertThat(plan.subjects().get(0)).isEqualTo(new Subject("mug", "white", Material.CERAMIC, 350.0, 1, 3));
        assertThat(plan.setting().place()).isEqualTo("kitchen");
        assertThat(plan.setting().surfaces()).extracting(Setting.Surface::noun).containsExactly("table", "floor");
        assertThat(plan.setting().surfaces().get(0).material()).isEqualTo(Material.WOOD);
        assertThat(plan.light().direction()).isEqualTo(Light.Direction.LEFT);
        assertThat(plan.camera()).isEqualTo(new Camera(Camera.Move.STATIC, Camera.Stability.LOCKED_OFF, 35.0));
        assertThat(plan.beats()).extracting(PlannedBeat::action).containsExactly("rest", "tip", "skid");
    }

    @Test
    void of_beatsThatNameShots_startNewShotsAndOthersContinue() {
        ScenePlan plan = plan(
                "A bakery. 00:00–00:02: Wide shot of the counter. 00:02–00:04: flour drifts down."
                        + " 00:04–00:06: Close-up of the baker's hands. 00:06–00:08: Cut to the oven door opening.",
                8);

        assertThat(plan.beats()).extracting(PlannedBeat::shot).containsExactly(0, 0, 1, 2);
        assertThat(plan.shots()).extracting(Shot::startSeconds).containsExactly(0.0, 4.0, 6.0);
        assertThat(plan.shots())
                .extracting(Shot::framing)
                .containsExactly(ShotSize.WIDE, ShotSize.CLOSE_UP, ShotSize.UNSPECIFIED);
        assertThat(plan.cuts()).containsExactly(4.0, 6.0);
    }

    @Test
    void of_oneContinuousShotDeclared_hasOneShotDespiteFramingWords() {
        ScenePlan plan =
                plan("One continuous shot of a desk.\n0-2s: wide shot, a pen rests\n2-4s: close-up, it rolls", 4);

        assertThat(plan.shots()).hasSize(1);
    }

    @Test
    void of_personInAColouredDress_takesTheClothingColour() {
        ScenePlan plan = plan(
                "A woman in a blue dress waves beside a red bicycle, backlit by a warm sunset. Handheld, slow push-in.",
                6);

        assertThat(plan.subjects())
                .extracting(Subject::noun, Subject::colour)
                .containsExactly(tuple("woman", "blue"), tuple("bicycle", "red"));
        assertThat(plan.light()).isEqualTo(new Light(Light.Direction.BACK, Light.Warmth.WARM));
        assertThat(plan.camera().move()).isEqualTo(Camera.Move.DOLLY_IN);
        assertThat(plan.camera().stability()).isEqualTo(Camera.Stability.HANDHELD);
    }

    @Test
    void of_weightsInOtherUnits_convertedToGrams() {
        assertThat(plan("A 12 oz glass bottle falls.", 6).subjects())
                .singleElement()
                .satisfies(s -> assertThat(s.massGrams()).isCloseTo(340.19, offset(0.01)))
                .satisfies(s -> assertThat(s.material()).isEqualTo(Material.GLASS));
        assertThat(plan("Two green apples (150 g each) roll off a shelf.", 6).subjects())
                .singleElement()
                .satisfies(s -> assertThat(s.count()).isEqualTo(2))
                .satisfies(s -> assertThat(s.massGrams()).isEqualTo(150.0));
    }

    @Test
    void of_colourOfAnotherNoun_isNotTheSubjects() {
        ScenePlan plan = plan("00:00-00:03: establishing shot over a red barn\n00:03-00:06: a horse trots out", 6);

        assertThat(plan.subjects())
                .singleElement()
                .satisfies(s -> assertThat(s.colour()).isEmpty());
    }

    @Test
    void of_nounModifyingAnother_isNotASubject() {
        ScenePlan plan = plan("Product ad for an orange sneaker on a glass plinth, glass bottle beside it.", 6);

        assertThat(plan.subjects()).extracting(Subject::noun).containsExactly("sneaker", "bottle");
        assertThat(plan.subjects().get(1).material()).isEqualTo(Material.GLASS);
    }

    @Test
    void of_peopleInOutfits_wearTheNamedGarmentsInTheirColours() {
        ScenePlan plan = plan(
                "A man in a red jacket and black trousers talks to a woman wearing a blue dress and white"
                        + " sneakers. Two children play by the door.",
                6);

        assertThat(plan.subjects()).extracting(Subject::noun).containsExactly("man", "woman", "child");
        assertThat(plan.subjects().get(0).clothing())
                .containsExactly(new Garment("jacket", "red"), new Garment("trousers", "black"));
        assertThat(plan.subjects().get(0).colour()).isEqualTo("red");
        assertThat(plan.subjects().get(1).clothing())
                .containsExactly(new Garment("dress", "blue"), new Garment("sneakers", "white"));
        assertThat(plan.subjects().get(1).clothing())
                .extracting(Garment::covers)
                .containsExactly(Garment.Covers.TORSO_AND_LEGS, Garment.Covers.FEET);
        assertThat(plan.subjects().get(2).count()).isEqualTo(2);
        assertThat(plan.subjects()).extracting(Subject::isPerson).containsOnly(true);
    }

    @Test
    void of_personInAPlace_wearsNothingNamed() {
        ScenePlan plan = plan("A woman in the kitchen waves at a grey cat.", 4);

        assertThat(plan.subjects().get(0).clothing()).isEmpty();
        assertThat(plan.subjects().get(1).isAnimal()).isTrue();
        assertThat(plan.subjects().get(1).colour()).isEqualTo("gray");
    }

    @Test
    void of_containerOfLiquid_holdsIt_andASpillGivesTheNamedLiquidToTheContainer() {
        assertThat(plan("A glass of red wine tips over on a white tablecloth.", 4)
                        .subjects()
                        .get(0)
                        .liquid())
                .isEqualTo("wine");
        assertThat(plan("A blue mug falls; coffee splashes across the tiles.", 4)
                        .subjects()
                        .get(0)
                        .liquid())
                .isEqualTo("coffee");
        assertThat(plan("A bottle rolls off the shelf and a puddle spreads.", 4)
                        .subjects()
                        .get(0)
                        .liquid())
                .isEqualTo("liquid");
        assertThat(plan("A heavy white ceramic mug falls and shatters.", 4)
                        .subjects()
                        .get(0)
                        .liquid())
                .isEmpty();
    }

    @Test
    void of_tripodThatPans_isSteadyAndItsNamedShotsAreShots_whileALockedOffCameraIsOneStillShot() {
        ScenePlan tripod = plan(
                "A harbour at dawn. Camera on a tripod, slow pan left.\n00:00–00:03: Wide shot of the boats."
                        + "\n00:03–00:06: Close-up of a gull on a post.",
                6);
        ScenePlan lockedOff = plan(
                "A harbour at dawn. Locked-off camera.\n00:00–00:03: Wide shot of the boats."
                        + "\n00:03–00:06: Close-up of a gull on a post.",
                6);

        assertThat(tripod.camera().move()).isEqualTo(Camera.Move.PAN);
        assertThat(tripod.camera().stability()).isEqualTo(Camera.Stability.STABILISED);
        assertThat(tripod.shots()).extracting(Shot::framing).containsExactly(ShotSize.WIDE, ShotSize.CLOSE_UP);
        assertThat(lockedOff.camera()).isEqualTo(new Camera(Camera.Move.STATIC, Camera.Stability.LOCKED_OFF, null));
        assertThat(lockedOff.shots()).hasSize(1);
    }

    @Test
    void of_peopleByTradeAnimalsByBreedAndBirds_areKnownForWhatTheyAre() {
        ScenePlan plan = plan("A nurse in a white coat walks a golden retriever past a seagull.", 4);

        assertThat(plan.subjects()).extracting(Subject::noun).containsExactly("nurse", "dog", "seagull");
        assertThat(plan.subjects().get(0).isPerson()).isTrue();
        assertThat(plan.subjects().get(0).clothing()).containsExactly(new Garment("coat", "white"));
        assertThat(plan.subjects().get(1).isAnimal()).isTrue();
        assertThat(plan.subjects().get(2).isBird()).isTrue();
    }

    @Test
    void of_aShotsOwnCameraWords_filmThatShot_andTheDescriptionsTheRest() {
        ScenePlan plan = plan(
                "A bottle on a walnut table. Camera on a tripod, 50 mm.\n00:00–00:03: Wide shot: the bottle stands"
                        + " still.\n00:03–00:06: Close-up, handheld, slow push-in: the bottle tilts and wobbles.",
                6);

        assertThat(plan.shots())
                .extracting(s -> s.camera().move())
                .containsExactly(Camera.Move.STATIC, Camera.Move.DOLLY_IN);
        assertThat(plan.shots())
                .extracting(s -> s.camera().stability())
                .containsExactly(Camera.Stability.STABILISED, Camera.Stability.HANDHELD);
        assertThat(plan.shots()).extracting(s -> s.camera().lensMm()).containsExactly(50.0, 50.0);
    }

    @Test
    void of_twoWomenDressedOtherwise_orAnotherMan_areDistinctPeople() {
        ScenePlan plan = plan(
                "A woman in a blue dress talks to a woman in a green coat. A man waves; another man laughs."
                        + " The woman in the green coat smiles.",
                4);

        assertThat(plan.subjects()).extracting(Subject::noun).containsExactly("woman", "woman", "man", "man");
        assertThat(plan.subjects().get(0).clothing()).containsExactly(new Garment("dress", "blue"));
        assertThat(plan.subjects().get(1).clothing()).containsExactly(new Garment("coat", "green"));
    }

    @Test
    void of_properNames_nameTheirPersonOrAnimal_butNotAThingOrASentencesOpening() {
        ScenePlan plan = plan("Maya, a woman in a blue dress, throws a ball to a dog named Rex. Then, a man waves.", 4);

        assertThat(plan.subjects())
                .extracting(Subject::noun, Subject::name)
                .containsExactly(tuple("woman", "Maya"), tuple("ball", ""), tuple("dog", "Rex"), tuple("man", ""));
    }
}
