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

    private static final Pattern OS = Pattern.compile("\\(([^)]+)\\)");

    /** Whole days since the image was made; -1 when unknown. */
    public long ageDays(Instant now) {
        return created == null ? -1 : Duration.between(created, now).toDays();
    }

    public boolean stale(Instant now) {
        return ageDays(now) > STALE_AFTER_DAYS;
    }

    /** "PyTorch", "TensorFlow", "Base" for the Deep Learning AMIs' names; "Other" otherwise. */
    public String framework() {
        String n = String.valueOf(name).toLowerCase(Locale.ROOT);
        if (n.contains("pytorch")) {
            return "PyTorch";
        }
        if (n.contains("tensorflow")) {
            return "TensorFlow";
        }
        return n.contains("base") ? "Base" : "Other";
    }

    /** The operating system the Deep Learning AMIs name in parentheses, e.g. "Ubuntu 22.04". */
    public String os() {
        Matcher m = OS.matcher(String.valueOf(name));
        return m.find() ? m.group(1) : "other OS";
    }

    /** The group the wizard lists the image under. */
    public String group() {
        return own ? "Your images" : framework() + " · " + os();
    }
}
