package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.RunModel;
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

    /**
     * With a run: its log group, and, for a local {@code run.code}, the upload this stack does not do (the archive is
     * data, not infrastructure) with the exact key the first-boot script reads; empty without a run.
     */
    static String runNote(Blueprint stack) {
        RunModel run = stack.run();
        if (run == null) {
            return "";
        }
        String logs = "\nThe run writes to log group " + run.logGroup() + " (kept " + run.logRetentionDays()
                + " days); the role may write only to that group.";
        if (run.localCode() == null) {
            return logs;
        }
        String uri = "s3://" + run.dataBucket() + "/" + run.codeArchiveKey();
        return logs + "\nrun.code is a local folder, which this stack does not upload ('hangar launch' does): before creating"
                + "\nthe stack, upload it packed as tar.gz, paths relative to the folder, to exactly " + uri
                + "\n(the first boot reads it from there), e.g. from a git checkout of it:"
                + "\n  git -C " + run.localCode() + " archive --format=tar.gz -o code.tar.gz HEAD && aws s3 cp code.tar.gz " + uri;
    }

    /** 5.0 → "5", 2.5 → "2.5": the plainest form every format reads as that number. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
