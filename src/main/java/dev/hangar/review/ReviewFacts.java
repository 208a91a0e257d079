package dev.hangar.review;

import dev.hangar.catalog.GpuInstanceType;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.checklist.Accelerator;
import dev.hangar.checklist.AccountFacts;
import dev.hangar.checklist.ImageOption;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Optional;

/**
 * Fills in what preflight did not see from what the review already holds: the type's accelerator from the GPU catalog,
 * the image from the wizard's list (plan-only), and the listed images a fix may offer. Preflight's own answers win.
 */
final class ReviewFacts {

    private ReviewFacts() {
    }

    static AccountFacts of(AccountFacts seen, LaunchSpec spec, Optional<GpuOffer> offer, List<ImageInfo> listed) {
        AccountFacts.Builder facts = seen.toBuilder();
        if (seen.accelerator() == null && offer.isPresent()) {
            GpuInstanceType type = offer.get().type();
            Accelerator.ofManufacturer(type.gpuManufacturer()).ifPresent(a -> facts.accelerator(a)
                    .acceleratorDevices(Accelerator.devices(type.gpuCount(), type.gpuManufacturer(), type.gpuModel())));
        }
        if (seen.amiName() == null) {
            listed.stream().filter(i -> i.imageId().equals(spec.amiId())).findFirst().ifPresent(i -> facts.amiName(i.name())
                    .amiDescription(i.description()).amiCreationDate(i.created()));
        }
        // Only images that boot on the type's CPU architecture are worth offering.
        List<String> architectures = offer.map(o -> o.type().architectures()).orElse(List.of());
        return facts.imageOptions(listed.stream()
                .filter(i -> i.imageId() != null && (architectures.isEmpty() || i.architecture() == null
                        || architectures.contains(i.architecture())))
                .map(i -> new ImageOption(i.imageId(), i.name(), i.description())).toList()).build();
    }
}
