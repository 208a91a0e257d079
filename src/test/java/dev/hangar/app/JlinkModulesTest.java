package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The installers' trimmed runtime must hold every JDK module the app uses, or a feature fails only once installed. */
class JlinkModulesTest {

    @Test
    void theJlinkModuleListCoversWhatJdepsFinds() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is missing from this JDK"));
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar") && !p.contains("testfx") && !p.contains("monocle") && !p.contains("junit")
                        && !p.contains("assertj") && !p.contains("jqwik") && !p.contains("opentest4j") && !p.contains("apiguardian"))
                .collect(Collectors.joining(File.pathSeparator));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "17", "--class-path", classPath, Path.of("target", "classes").toString());
        assertThat(status).as(out.toString()).isZero();
        List<String> needed = Arrays.asList(out.toString().strip().lines().reduce((a, b) -> b).orElse("").split(","));

        String jlink = Files.readString(Path.of("installer", "common", "jlink.txt")).strip().replaceFirst("^--add-modules\\s+", "");
        assertThat(Arrays.asList(jlink.split(","))).as("installer/common/jlink.txt").containsAll(needed);
    }
}
