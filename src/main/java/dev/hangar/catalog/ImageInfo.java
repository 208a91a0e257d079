package dev.hangar.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine image the wizard offers.
 *
 * @param created null when AWS did not say
 * @param own     owned by the signed-in account (rather than by AWS)
 * @param description what its publisher says of it (the Deep Learning AMIs name their driver and supported types); null
 *                    when unknown
 */
public record ImageInfo(String imageId, String name, String ownerId, String architecture, Instant created, boolean own,
        String description) {

    /** Without a description. */
    public ImageInfo(String imageId, String name, String ownerId, String architecture, Instant created, boolean own) {
        this(imageId, name, ownerId, architecture, created, own, null);
    }

    /** Images older than this miss months of security fixes; the wizard warns. */
    public static final int STALE_AFTER_DAYS = 90;

    private static final Pattern UBUNTU = Pattern.compile("(?i)\\bubuntu[ _-]?(\\d{2}\\.\\d{2})?");
    /** "Amazon Linux 2023", "Amazon-Linux-2", or the short "AL2023" / "AL2" of the newer DLAMI names. */
    private static final Pattern AMAZON_LINUX = Pattern.compile("(?i)\\bamazon[ _-]?linux(?:[ _-]?(2023|2)\\b)?|\\bal(2023|2)\\b");
    private static final Pattern OTHER_OS = Pattern.compile("(?i)\\b(Rocky Linux|Red Hat|RHEL|Debian|Windows|CentOS)\\b");

    /** Whole days since the image was made; -1 when unknown. */
    public long ageDays(Instant now) {
        return created == null ? -1 : Duration.between(created, now).toDays();
    }

    public boolean stale(Instant now) {
        return ageDays(now) > STALE_AFTER_DAYS;
    }

    /**
     * The framework the Deep Learning AMI's name says: "PyTorch", "TensorFlow", "JAX", "MXNet", "Base" (drivers and CUDA or
     * Neuron only), "Multi-framework" (the old Conda DLAMI); "Other" otherwise.
     */
    public String framework() {
        String n = String.valueOf(name).toLowerCase(Locale.ROOT);
        if (n.contains("pytorch")) {
            return "PyTorch";
        }
        if (n.contains("tensorflow")) {
            return "TensorFlow";
        }
        if (n.matches(".*\\bjax\\b.*")) {
            return "JAX";
        }
        if (n.contains("mxnet")) {
            return "MXNet";
        }
        if (n.matches(".*\\bbase\\b.*")) {
            return "Base";
        }
        // The Conda DLAMI named only its OS: "Deep Learning AMI (Ubuntu 18.04) Version 60", "Deep Learning AMI Ubuntu Linux - 2.4_Oct2017".
        return n.matches("deep learning (arm64 )?ami (\\(|ubuntu|amazon linux|version).*") ? "Multi-framework" : "Other";
    }

    /**
     * The operating system the name says, wherever it says it: "(Ubuntu 22.04)", "on Ubuntu 22.04", "Ubuntu-22.04",
     * "(Amazon Linux 2023)", "AL2023", "Amazon Linux 2"; "other OS" when it names none.
     */
    public String os() {
        String n = String.valueOf(name);
        Matcher ubuntu = UBUNTU.matcher(n);
        if (ubuntu.find()) {
            return ubuntu.group(1) == null ? "Ubuntu" : "Ubuntu " + ubuntu.group(1);
        }
        Matcher amazon = AMAZON_LINUX.matcher(n);
        if (amazon.find()) {
            String version = amazon.group(1) != null ? amazon.group(1) : amazon.group(2);
            return version == null ? "Amazon Linux" : "Amazon Linux " + version;
        }
        Matcher other = OTHER_OS.matcher(n);
        return other.find() ? other.group(1) : "other OS";
    }

    /** The group the wizard lists the image under. */
    public String group() {
        return own ? "Your images" : framework() + " · " + os();
    }
}
