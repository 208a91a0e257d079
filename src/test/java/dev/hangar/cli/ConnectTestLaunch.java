package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchRecord;
import dev.hangar.provision.LaunchOutcome;
import dev.hangar.provision.Launcher;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the connect and ssh-config tests share: a launch "llama" of an Ubuntu image, and the environment its processes run in. */
final class ConnectTestLaunch {

    private ConnectTestLaunch() {
    }

    /** Launches through the real engine against the local endpoint, then forgets the requests it took. */
    static LaunchRecord launch(LocalAws aws, Path home) throws InterruptedException {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        LaunchOutcome outcome = new Launcher(aws.clients(), new JournalStore(home), home, Pacing.fast(), Clock.systemUTC())
                .prepare(LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                        .instanceType("g5.xlarge").dataBucket("research-data").build(), e -> { }).run();
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        aws.endpoint().clearRecord();
        return new JournalStore(home).load(outcome.launchId()).orElseThrow();
    }

    /** Test credentials, no instance metadata, and {@code bin} first on the PATH (where a plugin stand-in may be). */
    static Map<String, String> env(Path bin) {
        return new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_EC2_METADATA_DISABLED", "true", "PATH", bin + ":/usr/bin:/bin", "SHELL", "/bin/sh"));
    }

    /** Hangar's global options for the test endpoint and home, then {@code args}. */
    static String[] args(LocalAws aws, Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", aws.uri().toString(), "--home", home.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    static Path executable(Path file, String content) throws IOException {
        java.nio.file.Files.writeString(file, content);
        java.nio.file.Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
