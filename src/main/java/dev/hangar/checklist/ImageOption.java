package dev.hangar.checklist;

/**
 * An image the researcher could pick instead (one the wizard has listed), for a fix to name.
 *
 * @param description null when unknown
 */
public record ImageOption(String imageId, String name, String description) {

    public boolean fits(Accelerator accelerator) {
        return ImageDriver.fits(name, description, accelerator);
    }
}
