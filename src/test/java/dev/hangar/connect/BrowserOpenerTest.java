package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's own opener, found on the PATH per OS, run for real as a recording stand-in. */
class BrowserOpenerTest {

    private static final URI ADDRESS = URI.create("http://localhost:8888/lab?token=abc");

    @TempDir Path bin;

    private Path standIn(String name) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\nprintf '%s\\n' \"$@\" >\"" + bin.resolve("opened.tmp") + "\" && mv \"" + bin.resolve("opened.tmp")
                + "\" \"" + bin.resolve("opened") + "\"\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void eachSystemHasItsOpener() throws IOException {
        Path xdg = standIn("xdg-open");
        Path open = standIn("open");
        Path rundll = standIn("rundll32.exe");
        Map<String, String> env = Map.of("PATH", "/nonexistent:" + bin);

        assertThat(new BrowserOpener(env, "Linux").command(ADDRESS)).contains(List.of(xdg.toString(), ADDRESS.toString()));
        assertThat(new BrowserOpener(env, "Mac OS X").command(ADDRESS)).contains(List.of(open.toString(), ADDRESS.toString()));
        assertThat(new BrowserOpener(env, "Windows 11").command(ADDRESS))
                .contains(List.of(rundll.toString(), "url.dll,FileProtocolHandler", ADDRESS.toString()));
    }

    @Test
    void withoutAnOpenerThereIsNothingToRun() {
        BrowserOpener none = new BrowserOpener(Map.of("PATH", bin.toString()), "Linux");

        assertThat(none.command(ADDRESS)).isEmpty();
        assertThat(none.open(ADDRESS)).isFalse();
    }

    @Test
    void openRunsTheOpenerWithTheAddress() throws Exception {
        standIn("xdg-open");

        assertThat(new BrowserOpener(Map.of("PATH", bin.toString()), "Linux").open(ADDRESS)).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(bin.resolve("opened")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readAllLines(bin.resolve("opened"))).containsExactly(ADDRESS.toString());
    }
}
