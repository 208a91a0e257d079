package dev.hangar.cli;

import dev.hangar.provision.CodeFolder;
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

    /**
     * The spec, with a relative local {@code run.code} taken from the spec file's folder (not the working folder), so
     * the spec means the same wherever the command runs.
     *
     * @throws InvalidSpecException for an unreadable file or an invalid spec
     */
    LaunchSpec read() {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return CodeFolder.resolve(LaunchSpecJson.read(file), folder);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "file " + file + " does not exist")));
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem("--spec", "cannot read " + file + ": " + e.getMessage())));
        }
    }
}
