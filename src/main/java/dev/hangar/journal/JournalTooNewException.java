package dev.hangar.journal;

import java.nio.file.Path;

/**
 * A journal file written by a newer Hangar: its fields may mean something this version does not know, so it is not
 * used (and, like a damaged one, its launch is left alone) rather than misread.
 */
public final class JournalTooNewException extends JournalCorruptException {

    public JournalTooNewException(Path file, int version) {
        super(file, "journal file " + file + " was written by a newer Hangar (format version " + version + "; this Hangar reads"
                + " up to " + LaunchRecord.FORMAT_VERSION + ") and was not used", false);
    }
}
