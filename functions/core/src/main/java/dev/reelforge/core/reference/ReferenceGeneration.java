package dev.reelforge.core.reference;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ImageGenerator;
import dev.reelforge.core.reference.ImageModels.ImageModel;
import dev.reelforge.core.request.FrameSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Makes a request's reference image from its prompt, before any video spend: the image model must be live and
 * priced, its price must fit the request's budget beside the first attempt and is charged to the tenant's daily
 * budget, and the still is kept under the address of its model, frame and prompt ({@link ReferenceKeys#generated}),
 * so the same prompt is generated once and costs nothing the next time. The caller then takes the stored still in
 * like an uploaded image. Thread-safe when its ports are.
 */
public final class ReferenceGeneration {
    private final Supplier<ClipStore> stores;
    private final ImageGenerator generator;
    private final ImageModel model;
    private final Supplier<DailyBudget> dailyBudget;

    /** The store and the daily budget are built on first use, so a request without a prompt builds neither. */
    public ReferenceGeneration(
            Supplier<ClipStore> stores, ImageGenerator generator, ImageModel model, Supplier<DailyBudget> dailyBudget) {
        this.stores = stores;
        this.generator = generator;
        this.model = model;
        this.dailyBudget = dailyBudget;
    }

    /** Where the still was kept and what it cost this job (0 when the same prompt's still was already there). */
    public record Generated(String key, String generator, double costUsd) {}

    /** The image model this deployment generates with. */
    public ImageModel model() {
        return model;
    }

    /**
     * @param budgetLeftUsd what the request's budget leaves after its first attempt's estimate
     * @throws InvalidRequestException naming {@link ImageModels#FIELD} or {@code budgetUsd} before anything is spent
     */
    public Generated generate(
            String tenant, String jobId, String prompt, FrameSize frame, double budgetLeftUsd, Instant now) {
        String text = prompt.strip();
        model.check(text, LocalDate.ofInstant(now, ZoneOffset.UTC));
        String address = Sha256.hex(model.qualifiedName() + "\n" + frame + "\n" + text);
        String key = ReferenceKeys.generated(tenant, address);
        ClipStore store = stores.get();
        if (store.exists(key)) {
            return new Generated(key, model.qualifiedName(), 0);
        }
        double price = model.pricePerImageUsd();
        if (price > budgetLeftUsd + 1e-9) {
            throw InvalidRequestException.of(
                    "budgetUsd",
                    String.format(
                            Locale.ROOT,
                            "generating the reference image costs $%.3f (%s) and the first attempt leaves $%.3f"
                                    + " of the budget",
                            price,
                            model.qualifiedName(),
                            Math.max(0, budgetLeftUsd)));
        }
        dailyBudget.get().charge(tenant, jobId + "/reference-image", price, now);
        byte[] image =
                generator.generate(new ImageSpec(text, model.model(), frame, Long.parseLong(address, 0, 15, 16)));
        ImageHeader header = ImageHeader.read(image, ImageModels.FIELD);
        store.putBytes(key, image, header.format().mediaType());
        return new Generated(key, model.qualifiedName(), price);
    }
}
