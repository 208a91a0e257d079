package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The image must carry the driver of the instance type's accelerator: an NVIDIA Deep Learning AMI on a Habana Gaudi
 * type boots, bills by the hour, and trains nothing. The driver is read from the image's name and description
 * ({@link ImageDriver}); the accelerator from AWS or the GPU catalog, else from the type's family.
 */
public final class ImageFitsAcceleratorRule extends BaseRule {

    public static final String ID = "image-fits-accelerator";

    /** How many fitting images a fix names: enough to choose from, few enough to read. */
    private static final int OPTIONS_NAMED = 3;

    public ImageFitsAcceleratorRule() {
        super(ID, "The image has the driver for the instance's accelerator",
                "A GPU or other accelerator works only through its maker's driver: NVIDIA's CUDA, AMD's ROCm, Habana's "
                        + "SynapseAI, AWS Neuron. From an image without it the instance starts and bills by the hour, but "
                        + "nothing can train on the accelerator.",
                Severity.HIGH);
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        Accelerator needed = facts.accelerator() != null ? facts.accelerator() : Accelerator.ofInstanceType(spec.instanceType());
        if (needed == Accelerator.NONE) {
            return pass(spec.instanceType() + " has no accelerator: any image fits",
                    spec.instanceType() + " has no GPU or other accelerator: any image will do.");
        }
        // "dl1.24xlarge's Habana Gaudi accelerator (8 × Gaudi HL-205)"
        String hardware = spec.instanceType() + "'s " + needed.hardware() + (facts.acceleratorDevices() == null ? "" : " (" + facts.acceleratorDevices() + ")");
        ImageOption image = facts.imageOptions().stream().filter(o -> o.imageId().equals(spec.amiId())).findFirst()
                .orElse(new ImageOption(spec.amiId(), facts.amiName(), facts.amiDescription()));
        Fix fix = fix(spec, needed, facts.imageOptions(), Set.of());
        if (image.name() == null && image.description() == null) {
            return couldNotCheck("Could not check if the image fits the " + needed.hardware(),
                    "which driver image " + spec.amiId() + " carries (its name is read in your account); "
                            + hardware + " needs " + needed.driver() + ".", fix);
        }
        String named = named(image);
        Set<Accelerator> carried = ImageDriver.of(image.name(), image.description());
        if (carried.contains(needed)) {
            return pass("The image has the driver for the " + needed.hardware(),
                    named + " carries " + needed.driver() + " for " + hardware + ".");
        }
        if (carried.isEmpty()) {
            return warn("Could not tell if the image fits the " + needed.hardware(),
                    "Could not tell which accelerator driver " + named + " carries: make sure it has " + needed.driver()
                            + ", or " + hardware + " cannot be used.", fix);
        }
        Fix fixOrType = fix(spec, needed, facts.imageOptions(), carried);
        String has = carried.equals(Set.of(Accelerator.NONE)) ? " has no accelerator driver" : " carries " + drivers(carried);
        return fail(mismatch(carried, needed), named + has + ", but " + hardware + " needs " + needed.driver()
                + ": the instance would bill by the hour and nothing could train on it.", fixOrType);
    }

    /**
     * What was found when the image does not fit, as a title: "The image is for NVIDIA GPUs, not the Habana Gaudi
     * accelerator", "The image has no driver for the NVIDIA GPU". Preflight's check reads the same.
     *
     * @param carried the drivers the image carries, not including {@code needed}
     */
    public static String mismatch(Set<Accelerator> carried, Accelerator needed) {
        return carried.equals(Set.of(Accelerator.NONE)) ? "The image has no driver for the " + needed.hardware()
                : "The image is for " + carried.stream().map(a -> a.hardware() + "s").collect(Collectors.joining(" and "))
                        + ", not the " + needed.hardware();
    }

    /**
     * The newest listed image that fits, one click away, naming a few more; without a list, the image family to pick.
     * When the image carries another vendor's driver, a type with that vendor's accelerator is the other way out.
     */
    private static Fix fix(LaunchSpec spec, Accelerator needed, List<ImageOption> options, Set<Accelerator> carried) {
        List<ImageOption> fitting = options.stream().filter(o -> o.fits(needed)).limit(OPTIONS_NAMED).toList();
        String otherType = carried.size() == 1 && !carried.contains(Accelerator.NONE)
                ? " Or keep the image and pick an instance type with " + carried.iterator().next().hardware() + "s." : "";
        if (fitting.isEmpty()) {
            return Fix.manual("Pick an image with " + needed.driver() + " for " + spec.instanceType() + ": " + needed.imageFamily()
                    + "." + otherType);
        }
        ImageOption first = fitting.get(0);
        String more = fitting.size() == 1 ? "" : " These fit too: " + fitting.subList(1, fitting.size()).stream()
                .map(ImageFitsAcceleratorRule::named).collect(Collectors.joining("; ")) + ".";
        return Fix.oneClick("Use " + named(first) + ", which carries " + needed.driver() + "." + more
                + otherType, s -> s.toBuilder().amiId(first.imageId()).build());
    }

    private static String drivers(Set<Accelerator> carried) {
        return carried.stream().map(Accelerator::driver).collect(Collectors.joining(" and "));
    }

    private static String named(ImageOption image) {
        return image.name() == null ? image.imageId() : image.name() + " (" + image.imageId() + ")";
    }
}
