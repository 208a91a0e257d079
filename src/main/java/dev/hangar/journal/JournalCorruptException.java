package dev.hangar.journal;

import java.nio.file.Path;

/** A journal file that exists but cannot be trusted: cut short, edited or from an unknown format. */
public final class JournalCorruptException extends RuntimeException {

    private final Path file;

    public JournalCorruptException(Path file, String why) {
        super("journal file " + file + " is damaged and was not used: " + why);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
