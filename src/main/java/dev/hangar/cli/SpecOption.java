package dev.hangar.cli;

import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --spec FILE}; a missing or unreadable file is reported like any invalid field. */
final class SpecOption {

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Launch spec (JSON)")
    Path file;

    /** @throws InvalidSpecException for an unreadable file or an invalid spec */
    LaunchSpec read() {
        try {
            return LaunchSpecJson.read(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "file " + file + " does not exist")));
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "cannot read " + file + ": " + e.getMessage())));
        }
    }
}
