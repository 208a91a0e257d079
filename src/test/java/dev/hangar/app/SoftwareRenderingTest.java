package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir Path home;
    private final Properties system = new Properties();

    private SoftwareRendering on(String os, Instant now) {
        return new SoftwareRendering(home, os, Clock.fixed(now, ZoneOffset.UTC), system);
    }

    @Test
    void aMachineThatDrewInSoftwareStartsInSoftwareNextTimeWithoutProbingOpenGl() {
        on("Linux", NOW).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).as("the first start probes").isNull();
        on("Linux", NOW).record(true);

        on("Linux", NOW.plus(Duration.ofDays(29))).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void aRememberedChoiceIsProbedAgainAfterThirtyDaysAndNotRefreshedMeanwhile() throws Exception {
        on("Linux", NOW).record(true);
        SoftwareRendering later = on("Linux", NOW.plus(Duration.ofDays(20)));
        later.applyBeforeToolkit();
        later.record(true); // the software renderer it chose itself says nothing new
        assertThat(Files.getLastModifiedTime(home.resolve(SoftwareRendering.FILE)).toInstant()).isEqualTo(NOW);

        system.clear();
        on("Linux", NOW.plus(Duration.ofDays(30))).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).as("probed again").isNull();
    }

    @Test
    void aProbeThatFindsOpenGlForgetsTheSoftwareChoice() {
        on("Linux", NOW).record(true);
        on("Linux", NOW.plus(Duration.ofDays(40))).record(false);
        assertThat(home.resolve(SoftwareRendering.FILE)).doesNotExist();
        on("Linux", NOW.plus(Duration.ofDays(41))).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).isNull();
    }

    @Test
    void theUsersOwnPrismOrderWinsAndIsNeverRemembered() {
        on("Linux", NOW).record(true);
        system.setProperty("prism.order", "es2");
        on("Linux", NOW).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).isEqualTo("es2");

        Path other = home.resolve("other");
        new SoftwareRendering(other, "Linux", Clock.fixed(NOW, ZoneOffset.UTC), system).record(true);
        assertThat(other.resolve(SoftwareRendering.FILE)).doesNotExist();
    }

    @Test
    void windowsAndMacOsAreLeftToJavaFx() {
        on("Windows 11", NOW).record(true);
        on("Mac OS X", NOW).record(true);
        assertThat(home.resolve(SoftwareRendering.FILE)).doesNotExist();
        on("Linux", NOW).record(true);
        on("Windows 11", NOW).applyBeforeToolkit();
        assertThat(system.getProperty("prism.order")).isNull();
    }
}
