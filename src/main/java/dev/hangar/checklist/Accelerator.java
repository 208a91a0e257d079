package dev.hangar.checklist;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whose chip does the work on an instance type, and so which driver stack its image must carry: a GPU launched
 * from an image without its driver bills by the hour and cannot train.
 *
 * @param hardware    the chip, for people, singular: "NVIDIA GPU"
 * @param driver      what the image needs for it: "the NVIDIA driver and CUDA"
 * @param imageFamily which images carry that driver, named so a researcher can find them
 */
public enum Accelerator {
    NVIDIA("NVIDIA GPU", "the NVIDIA driver and CUDA",
            "an AWS Deep Learning AMI with the NVIDIA driver, e.g. \"Deep Learning OSS Nvidia Driver AMI GPU PyTorch …\" "
                    + "or \"Deep Learning Base OSS Nvidia Driver GPU AMI …\""),
    AMD("AMD Radeon GPU", "AMD's ROCm driver",
            "an image with AMD's ROCm driver (AMD's or your own: the AWS Deep Learning AMIs carry NVIDIA's driver)"),
    HABANA("Habana Gaudi accelerator", "the Habana SynapseAI driver",
            "the AWS Deep Learning AMI for Habana Gaudi, e.g. \"Deep Learning AMI Habana PyTorch … SynapseAI …\""),
    NEURON("AWS Neuron accelerator", "the AWS Neuron driver and SDK (for Trainium and Inferentia)",
            "an AWS Deep Learning AMI Neuron, e.g. \"Deep Learning AMI Neuron (Ubuntu 22.04) …\""),
    QUALCOMM("Qualcomm Cloud AI 100 accelerator", "the Qualcomm Cloud AI 100 platform SDK",
            "an image with the Qualcomm Cloud AI 100 platform and apps SDK"),
    /** A CPU-only type: any image will do. */
    NONE("no accelerator", "no accelerator driver", "any image");

    /**
     * Families whose accelerator is known without asking AWS (plan-only mode, or a type the GPU catalog leaves out:
     * Trainium, Inferentia and Qualcomm report no GPU). DescribeInstanceTypes, when it answers, is the authority.
     */
    private static final Map<String, Accelerator> FAMILIES = Map.ofEntries(
            Map.entry("g3", NVIDIA), Map.entry("g3s", NVIDIA), Map.entry("g4dn", NVIDIA), Map.entry("g5", NVIDIA),
            Map.entry("g5g", NVIDIA), Map.entry("g6", NVIDIA), Map.entry("g6e", NVIDIA), Map.entry("g6f", NVIDIA),
            Map.entry("gr6", NVIDIA), Map.entry("gr6f", NVIDIA), Map.entry("g7e", NVIDIA), Map.entry("p2", NVIDIA),
            Map.entry("p3", NVIDIA), Map.entry("p3dn", NVIDIA), Map.entry("p4d", NVIDIA), Map.entry("p4de", NVIDIA),
            Map.entry("p5", NVIDIA), Map.entry("p5e", NVIDIA), Map.entry("p5en", NVIDIA), Map.entry("p6-b200", NVIDIA),
            Map.entry("p6-b300", NVIDIA), Map.entry("p6e-gb200", NVIDIA),
            Map.entry("g4ad", AMD),
            Map.entry("dl1", HABANA),
            Map.entry("dl2q", QUALCOMM),
            Map.entry("trn1", NEURON), Map.entry("trn1n", NEURON), Map.entry("trn2", NEURON), Map.entry("trn2u", NEURON),
            Map.entry("inf1", NEURON), Map.entry("inf2", NEURON));

    private final String hardware;
    private final String driver;
    private final String imageFamily;

    Accelerator(String hardware, String driver, String imageFamily) {
        this.hardware = hardware;
        this.driver = driver;
        this.imageFamily = imageFamily;
    }

    public String hardware() {
        return hardware;
    }

    public String driver() {
        return driver;
    }

    public String imageFamily() {
        return imageFamily;
    }

    /** From the instance type's family alone; NONE for a family not known to carry an accelerator. */
    public static Accelerator ofInstanceType(String instanceType) {
        if (instanceType == null || instanceType.indexOf('.') < 0) {
            return NONE;
        }
        return FAMILIES.getOrDefault(instanceType.substring(0, instanceType.indexOf('.')).toLowerCase(Locale.ROOT), NONE);
    }

    /** "8 × Habana Gaudi HL-205", "1 × NVIDIA A10G", "part of an NVIDIA L4": a type's accelerators in words. */
    public static String devices(int count, String manufacturer, String model) {
        String name = manufacturer == null || model == null || model.toLowerCase(Locale.ROOT).startsWith(manufacturer.toLowerCase(Locale.ROOT))
                ? String.valueOf(model) : manufacturer + " " + model;
        return count == 0 ? "part of an " + name : count + " × " + name;
    }

    /**
     * From the manufacturer DescribeInstanceTypes names for a GPU or inference accelerator ("NVIDIA", "AMD", "Habana",
     * "AWS", "Qualcomm"); empty for one Hangar does not know.
     */
    public static Optional<Accelerator> ofManufacturer(String manufacturer) {
        if (manufacturer == null) {
            return Optional.empty();
        }
        return switch (manufacturer.trim().toLowerCase(Locale.ROOT)) {
            case "nvidia" -> Optional.of(NVIDIA);
            case "amd" -> Optional.of(AMD);
            case "habana", "intel habana", "intel" -> Optional.of(HABANA);
            case "aws", "amazon", "amazon web services" -> Optional.of(NEURON);
            case "qualcomm" -> Optional.of(QUALCOMM);
            default -> Optional.empty();
        };
    }
}
