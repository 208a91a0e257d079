package dev.hangar.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.ShellCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-boot script, run for real by bash under a temporary root with recording stand-ins for the disk tools:
 * a blank data volume is formatted once and mounted at /mnt/data; one with a file system is never formatted; a volume
 * that never arrives does not keep the script from finishing.
 */
class FirstBootScriptTest {

    private static final String DATA_DEVICE = "/dev/nvme1n1";

    @TempDir Path root;
    private Path bin;
    private Path script;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(root.resolve("stand-ins"));
        Files.createDirectories(root.resolve("etc"));
        script = root.resolve("first-boot.sh");
        Files.writeString(script, UserData.script());
        // Each stand-in records its arguments; the state of the "disk" lives in files under the root.
        standIn("lsblk", "echo /dev/nvme0n1; [ -e \"$HANGAR_ROOT/attached\" ] && echo " + DATA_DEVICE + "; exit 0");
        standIn("nvme", "case \"$3\" in " + DATA_DEVICE + ") echo '0000: 2f 64 65 76 2f 73 64 68 \"/dev/sdh........\"' ;;"
                + " *) echo '0000: 2f 64 65 76 2f 78 76 64 61 \"/dev/xvda.......\"' ;; esac");
        standIn("blkid", "if [ \"$1\" = -o ]; then echo 1b2c3d4e-uuid; exit 0; fi; [ -e \"$HANGAR_ROOT/formatted\" ] || exit 2;"
                + " echo \"$1: TYPE=xfs\"");
        standIn("mkfs.xfs", "touch \"$HANGAR_ROOT/formatted\"");
        standIn("mount", "exit 0");
        standIn("chown", "exit 0");
        standIn("id", "[ \"$2\" = ubuntu ] && echo 1000");
        standIn("sleep", "exit 0");
    }

    private void standIn(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\necho \"" + name + " $*\" >>\"$HANGAR_ROOT/calls.log\"\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("HANGAR_ROOT", root.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finishes").isTrue();
        assertThat(p.exitValue()).as(log()).isZero();
        return calls();
    }

    private List<String> calls() throws IOException {
        Path f = root.resolve("calls.log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private String log() throws IOException {
        Path f = root.resolve("var/log/hangar-user-data.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void isShellcheckClean() throws Exception {
        ShellCheck.Result r = ShellCheck.check(script);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void aBlankVolumeIsFormattedOnceAndMountedForTheLoginUser() throws Exception {
        Files.createFile(root.resolve("attached"));

        List<String> first = run();
        List<String> second = run();

        assertThat(first).contains("mkfs.xfs -q -L hangar-data " + DATA_DEVICE, "mount " + root + "/mnt/data", "chown ubuntu: " + root + "/mnt/data");
        assertThat(second.stream().filter(c -> c.startsWith("mkfs.xfs"))).as("formatted once").hasSize(1);
        assertThat(Files.readAllLines(root.resolve("etc/fstab"))).containsExactly(
                "UUID=1b2c3d4e-uuid /mnt/data xfs defaults,nofail,x-systemd.device-timeout=10s 0 2");
        assertThat(first).noneMatch(c -> c.contains("nvme0n1") && c.startsWith("mkfs")).as("never the root volume");
        assertThat(log()).contains("mounted at /mnt/data for ubuntu").contains("no nvidia-smi: GPU metrics skipped");
    }

    @Test
    void aVolumeWithAFileSystemIsMountedAndNeverFormatted() throws Exception {
        Files.createFile(root.resolve("attached"));
        Files.createFile(root.resolve("formatted"));

        List<String> calls = run();

        assertThat(calls).noneMatch(c -> c.startsWith("mkfs")).contains("mount " + root + "/mnt/data");
    }

    @Test
    void aVolumeThatNeverArrivesDoesNotBlockTheScript() throws Exception {
        List<String> calls = run();

        assertThat(calls).noneMatch(c -> c.startsWith("mkfs") || c.startsWith("mount"));
        assertThat(calls.stream().filter(c -> c.startsWith("sleep"))).as("it waited, bounded").hasSize(120);
        assertThat(log()).contains("no data volume at sdh after 10 minutes");
    }
}
