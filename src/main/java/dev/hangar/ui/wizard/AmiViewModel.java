package dev.hangar.ui.wizard;

import dev.hangar.catalog.ImageInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images grouped for the tree (framework · OS, the account's own last), newest first in each group,
 * and what to say about an image's age. No window needed to test it.
 */
final class AmiViewModel {

    /** Framework groups in the order researchers most often want them; the account's own images come last. */
    private static final List<String> FRAMEWORKS = List.of("PyTorch", "TensorFlow", "JAX", "Base", "Multi-framework", "MXNet", "Other");

    private final Clock clock;
    private final List<ImageInfo> all = new ArrayList<>();

    AmiViewModel(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param architectures the instance type's, e.g. [x86_64]; images for another architecture are left
     *                      out because they would not boot (empty: keep all)
     */
    Map<String, List<ImageInfo>> groups(Collection<ImageInfo> images, List<String> architectures) {
        all.clear();
        all.addAll(images);
        Map<String, List<ImageInfo>> groups = new LinkedHashMap<>();
        images.stream()
                .filter(i -> architectures.isEmpty() || i.architecture() == null || architectures.contains(i.architecture()))
                .sorted(java.util.Comparator.comparing(ImageInfo::own).thenComparing(i -> FRAMEWORKS.indexOf(i.framework()))
                        .thenComparing(ImageInfo::created, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .forEach(i -> groups.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        return groups;
    }

    Optional<ImageInfo> find(String imageId) {
        return all.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }

    String age(ImageInfo image) {
        long days = image.ageDays(clock.instant());
        return days < 0 ? "unknown" : days == 0 ? "today" : days + (days == 1 ? " day" : " days");
    }

    /** A warning for an image past {@value ImageInfo#STALE_AFTER_DAYS} days, or for an ID nobody listed; empty when fine. */
    String warning(String imageId) {
        if (imageId == null || imageId.isBlank()) {
            return "";
        }
        Optional<ImageInfo> image = find(imageId.trim());
        if (image.isEmpty()) {
            return "Not in the lists above: the review checks that " + imageId.trim() + " exists and fits the GPU type.";
        }
        if (image.get().stale(clock.instant())) {
            return image.get().name() + " is " + age(image.get()) + " old. Images older than " + ImageInfo.STALE_AFTER_DAYS
                    + " days miss security fixes: pick a newer one if you can.";
        }
        return "";
    }
}
