package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import java.math.BigDecimal;

/** The lines every export opens with, and number formatting shared by the formats. */
final class Headers {

    private Headers() {
    }

    static String summary(Blueprint stack) {
        return "Hangar launch " + stack.launchId() + ": one " + stack.instance().instanceType() + " instance in " + stack.region()
                + " with a " + stack.dataVolume().sizeGiB() + " GiB data volume.\n"
                + "The same resources, names, tags and security settings that 'hangar launch' creates from the reviewed spec.";
    }

    static String launchIdNote(Blueprint stack, String where) {
        return stack.launchIdDerived()
                ? "The launch ID " + stack.launchId() + " was derived from the spec and names " + where
                        + "; export with a launch ID to use another."
                : "The launch ID " + stack.launchId() + " names " + where + ".";
    }

    /** 5.0 → "5", 2.5 → "2.5": the plainest form every format reads as that number. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
