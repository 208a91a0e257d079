package dev.hangar.journal;

import java.nio.file.Path;

/** A journal file that exists but cannot be trusted: cut short, edited or from an unknown format. */
public class JournalCorruptException extends RuntimeException {

    private final Path file;

    public JournalCorruptException(Path file, String why) {
        this(file, why, true);
    }

    /** With {@code damaged} false, {@code message} is the whole message (for files that are whole but unusable). */
    protected JournalCorruptException(Path file, String message, boolean damaged) {
        super(damaged ? "journal file " + file + " is damaged and was not used: " + message : message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
