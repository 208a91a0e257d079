package dev.hangar.checklist;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which accelerator driver an image carries, judged from its name and description the way AWS names its Deep Learning
 * AMIs: "… Neuron …" for Trainium and Inferentia, "… Habana … SynapseAI …" for Gaudi, "… Nvidia Driver … GPU …" and
 * every other "Deep Learning …" image for NVIDIA. An image named only for its operating system carries none.
 */
public final class ImageDriver {

    /** Each vendor's words in an image's name or description. "amd" only as a word: Ubuntu's "amd64" is a CPU. */
    private static final Map<Accelerator, Pattern> VENDORS = new EnumMap<>(Map.of(
            Accelerator.NVIDIA, Pattern.compile("\\bnvidia\\b|\\bcuda\\b|\\bcudnn\\b|\\bgrid driver"),
            Accelerator.AMD, Pattern.compile("\\brocm\\b|\\bradeon\\b|\\bamd\\b"),
            Accelerator.HABANA, Pattern.compile("\\bhabana\\b|\\bgaudi|\\bsynapse ?ai\\b"),
            Accelerator.NEURON, Pattern.compile("\\bneuron\\b|\\btrainium|\\binferentia"),
            Accelerator.QUALCOMM, Pattern.compile("\\bqualcomm\\b|\\bcloud ai ?100\\b")));
    /** The AWS Deep Learning AMIs not named for another vendor carry NVIDIA's driver (the GPU and Base DLAMIs). */
    private static final Pattern DEEP_LEARNING = Pattern.compile("^deep learning\\b");
    /** Images named for their operating system alone: Amazon Linux, Ubuntu, Debian, RHEL, SUSE, Rocky, Windows. */
    private static final Pattern PLAIN_OS = Pattern.compile(
            "^(al20\\d\\d-ami|amzn2?-ami|amazon linux|ubuntu|debian|rhel|suse|sles|rocky|almalinux|centos|windows_server|windows)");

    private ImageDriver() {
    }

    /**
     * @return the accelerators whose drivers the image carries (the old Conda DLAMI carried NVIDIA's and Neuron's),
     *         {@link Accelerator#NONE} alone for a plain operating system image, or empty when the name and description
     *         give no hint (a custom image)
     */
    public static Set<Accelerator> of(String name, String description) {
        String n = lower(name);
        String text = n + " " + lower(description);
        Set<Accelerator> found = EnumSet.noneOf(Accelerator.class);
        VENDORS.forEach((accelerator, hint) -> {
            if (hint.matcher(text).find()) {
                found.add(accelerator);
            }
        });
        if (found.isEmpty() && DEEP_LEARNING.matcher(n).find()) {
            found.add(Accelerator.NVIDIA);
        }
        if (found.isEmpty() && PLAIN_OS.matcher(n).find()) {
            found.add(Accelerator.NONE);
        }
        return found;
    }

    /** Whether an image fits a type's accelerator: a CPU-only type takes any image; an unknown driver is not a fit. */
    public static boolean fits(String name, String description, Accelerator accelerator) {
        return accelerator == Accelerator.NONE || of(name, description).contains(accelerator);
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
