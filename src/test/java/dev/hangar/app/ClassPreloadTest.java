package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPreloadTest {

    private static List<String> listed() throws IOException {
        try (InputStream in = ClassPreload.class.getResourceAsStream(ClassPreload.LIST)) {
            assertThat(in).as(ClassPreload.LIST + " is in the app's resources").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void theListNamesTheWindowsOwnClassesAndNoneThatAreGone() throws IOException {
        List<String> names = listed();
        assertThat(names).contains("dev.hangar.app.HangarApplication", "dev.hangar.ui.wizard.WizardWindow",
                "dev.hangar.ui.wizard.LaunchStepController", "software.amazon.awssdk.services.ec2.DefaultEc2Client");
        List<String> gone = names.stream().filter(n -> n.startsWith("dev.hangar.")).filter(n -> {
            try {
                Class.forName(n, false, getClass().getClassLoader());
                return false;
            } catch (ClassNotFoundException e) {
                return true;
            }
        }).toList();
        assertThat(gone).as("classes of ours the list names but that no longer exist: regenerate it with "
                + "mvn -B -Pbench verify -Dit.test=GuiBench -Dbench.updateClassList=true").isEmpty();
    }

    @Test
    void preloadingLoadsTheListedClassesWithoutStartingAnything() throws IOException {
        int listed = listed().size();
        int loaded = ClassPreload.run();
        // A few JDK classes of modules the test JVM has but the list's JVM did not use, or the reverse, may be missing.
        assertThat(loaded).isGreaterThan(listed * 95 / 100);
    }
}
