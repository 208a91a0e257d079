package dev.hangar.cli;

import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads {@code --spec F}; a missing or unreadable file is reported like any invalid field. */
final class SpecFile {

    private SpecFile() {
    }

    static LaunchSpec read(Path file) {
        try {
            return LaunchSpecJson.read(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "file " + file + " does not exist")));
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "cannot read " + file + ": " + e.getMessage())));
        }
    }
}
