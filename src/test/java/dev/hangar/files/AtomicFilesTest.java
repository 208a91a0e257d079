package dev.hangar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFileHasTheAskedModeEvenWhereTheUmaskWouldNarrowIt() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path secret = dir.resolve("token.json");
        Path shared = dir.resolve("config");

        AtomicFiles.write(secret, bytes("s"));
        AtomicFiles.write(shared, bytes("c"), PosixFilePermissions.fromString("rw-rw-r--"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
    }

    @Test
    void replacesTheContentAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("launch.json");
        AtomicFiles.write(file, bytes("a much longer old version"));

        AtomicFiles.write(file, bytes("new"));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(names()).containsExactly("launch.json");
    }

    @Test
    void aReaderSeesTheOldOrTheNewVersionWholeNeverAMix() throws Exception {
        Path file = dir.resolve("journal.json");
        String small = "x".repeat(10);
        String large = "y".repeat(200_000);
        AtomicFiles.write(file, bytes(small));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = Files.readString(file);
                    if (!seen.equals(small) && !seen.equals(large)) {
                        torn.set(seen.length() + " characters");
                    }
                } catch (IOException e) {
                    torn.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 100; i++) {
            AtomicFiles.write(file, bytes(i % 2 == 0 ? large : small));
        }
        done.set(true);
        reader.join();

        assertThat(torn.get()).isNull();
    }

    @Test
    void afterAFailureTheTargetIsUnchangedAndNoTempFileIsLeft() throws IOException {
        Path target = dir.resolve("busy");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "kept");

        assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new"))).isInstanceOf(IOException.class);

        assertThat(names()).containsExactly("busy");
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("kept");
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("no/such/file"), bytes("x"))).isInstanceOf(IOException.class);
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
