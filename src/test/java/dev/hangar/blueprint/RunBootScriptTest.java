package dev.hangar.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.testing.ShellCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first-boot script of a launch with a run, run for real by bash under a temporary root with recording stand-ins
 * (see {@link BootMachine}) for systemctl, mount-s3, apt-get, gpg, curl and shutdown: Mountpoint installed only when
 * its key signed it, the bucket prefix mounted read-only or writable as the spec's access says, hangar-run.service as
 * the login user in the code folder with its environment; then the unit's wrapper and stop hook, run as systemd would:
 * the code unpacked once, setup once, the command, state lines, retries, and the machine stopped once after the command.
 */
class RunBootScriptTest {

    private static final String LAUNCH = "train-1a2b3c";
    /** Mountpoint for Amazon S3's signing key, as its installation guide gives it. */
    private static final String MOUNTPOINT_KEY = "673FE4061506BB469A0EF857BE397A52B086DA5A";
    private static final String MOUNTPOINT_BUCKET = "mountpoint-s3-release.s3.us-east-1.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path root;
    private BootMachine machine;

    @BeforeEach
    void instance() throws IOException {
        machine = new BootMachine(root);
        Files.createFile(root.resolve("attached"));
        Files.createDirectories(root.resolve("home/ubuntu"));
        // gpg speaks for the key of what it verifies: Mountpoint's for mount-s3, the agent's otherwise.
        machine.standIn("gpg", """
                echo "gpg-home ${GNUPGHOME:-}" >>"$HANGAR_ROOT/calls.log"
                case " $* " in *" --verify "*) ;; *) exit 0 ;; esac
                case "$*" in *mount-s3*) product=mountpoint key=%s ;; *) product=agent key=%s ;; esac
                if [ "$(cat "$HANGAR_ROOT/gpg-says-$product" 2>/dev/null)" = bad ]; then
                  echo "[GNUPG:] BADSIG BE397A52B086DA5A someone"; exit 1
                fi
                echo "[GNUPG:] VALIDSIG $key 2025-01-07 1736208000 0 4 0 1 8 00 $key"
                """.formatted(MOUNTPOINT_KEY, BootMachine.AWS_AGENT_KEY));
        machine.standIn("apt-get", """
                case "${@: -1}" in *.deb | *.rpm) ;; *) exit 0 ;; esac
                cp "${@: -1}" "$HANGAR_ROOT/installed-mountpoint"
                cat >"$HANGAR_ROOT/stand-ins/mount-s3" <<'STANDIN'
                #!/bin/bash
                echo "mount-s3 $*" >>"$HANGAR_ROOT/calls.log"
                printf '%s\\n' "$@" >"$HANGAR_ROOT/mount-s3-args"
                STANDIN
                chmod +x "$HANGAR_ROOT/stand-ins/mount-s3"
                """);
        machine.standIn("systemctl", "exit 0");
        machine.standIn("shutdown", "exit 0");
        String agent = "amazoncloudwatch-agent-us-east-1.s3.us-east-1.amazonaws.com";
        machine.serve(agent + "/ubuntu/amd64/latest/amazon-cloudwatch-agent.deb", "the agent");
        machine.serve(agent + "/ubuntu/amd64/latest/amazon-cloudwatch-agent.deb.sig", "its signature");
        machine.serve(agent + "/assets/amazon-cloudwatch-agent.gpg", "AWS's agent key");
        machine.serve(MOUNTPOINT_BUCKET + "/latest/x86_64/mount-s3.deb", "Mountpoint");
        machine.serve(MOUNTPOINT_BUCKET + "/latest/x86_64/mount-s3.deb.asc", "its signature");
        machine.serve(MOUNTPOINT_BUCKET + "/public_keys/KEYS", "Mountpoint's key");
    }

    private static RunModel run(String setup, String command, Map<String, String> env, boolean stopWhenDone, String codeKind,
            boolean readWrite) {
        String archive = codeKind.equals("archive") ? RunModel.codeArchiveKey("datasets/", LAUNCH) : null;
        String s3 = codeKind.equals("s3") ? "s3://code-bucket/projects/it's here/" : null;
        return new RunModel(setup, command, env, stopWhenDone, archive == null ? null : "./project", archive, s3,
                "my-datasets", "datasets/", readWrite, RunModel.logGroup(LAUNCH), RunModel.LOG_RETENTION_DAYS);
    }

    private static RunModel archiveRun() {
        return run("pip install -r requirements.txt", "python train.py", Map.of("EPOCHS", "3"), true, "archive", false);
    }

    private List<String> boot(RunModel run) throws IOException, InterruptedException {
        Path script = root.resolve("first-boot.sh");
        Files.writeString(script, UserData.script(run));
        return machine.run(script);
    }

    private String unit() throws IOException {
        return machine.read("etc/systemd/system/hangar-run.service");
    }

    @Test
    void theRenderedScriptAndEveryScriptItInstallsAreShellcheckClean() throws Exception {
        boot(run("a", "b", Map.of("A", "1"), true, "s3", true));

        for (String script : List.of("first-boot.sh", "usr/local/lib/hangar/hangar-run.sh", "usr/local/lib/hangar/hangar-run-stopped.sh",
                "etc/hangar/hangar-s3-data.sh", "etc/hangar/hangar-s3-code.sh")) {
            ShellCheck.Result r = ShellCheck.check(root.resolve(script));
            assertThat(r.exitCode()).as(script + "\n" + r.output()).isZero();
        }
        for (String source : List.of("hangar-run.sh", "hangar-run-stopped.sh")) {
            ShellCheck.Result r = ShellCheck.check(resource(source));
            assertThat(r.exitCode()).as(source + "\n" + r.output()).isZero();
        }
    }

    @Test
    void theUnitsPassSystemdsOwnVerification() throws Exception {
        boot(run("a", "b", Map.of("A", "1"), true, "s3", true));

        verified("hangar-s3-data.service", "hangar-s3-code.service", "hangar-run.service");
    }

    /** systemd-analyze verify finds nothing to say of the units the boot wrote. */
    private void verified(String... units) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(systemdAnalyze(), "verify"));
        for (String unit : units) {
            command.add(root.resolve("etc/systemd/system").resolve(unit).toString());
        }
        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(out).isZero();
        assertThat(out).as("no unknown key, bad value or missing unit").isEmpty();
    }

    private static String systemdAnalyze() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "systemd-analyze"))) {
                return dir + "/systemd-analyze";
            }
        }
        throw new AssertionError("this test needs systemd-analyze (Debian/Ubuntu: apt-get install systemd), which reads unit files"
                + " as systemd does");
    }

    @Test
    void aMountpointDownloadThatFailsWhileTheNatComesUpIsTriedAgain() throws Exception {
        String url = "https://" + MOUNTPOINT_BUCKET + "/latest/x86_64/mount-s3.deb";
        machine.failing(url, 2);

        boot(archiveRun());

        assertThat(machine.read("installed-mountpoint")).isEqualTo("Mountpoint");
        assertThat(machine.log()).contains("downloading " + url + " failed (attempt 2); trying again in 10 s");
        assertThat(unit()).contains("User=ubuntu");
    }

    @Test
    void aNetworkThatCannotReachMountpointsBucketSaysSoAndStartsNoRun() throws Exception {
        String url = "https://" + MOUNTPOINT_BUCKET + "/latest/x86_64/mount-s3.deb";
        machine.failing(url, 1000);

        List<String> calls = boot(archiveRun());

        assertThat(machine.log()).contains("downloading " + url + " failed 7 times: giving up");
        assertThat(calls).noneMatch(c -> c.startsWith("systemctl"));
        assertThat(JSON.readTree(machine.read("var/log/hangar/state.log")).get("reason").asText())
                .isEqualTo("Mountpoint for Amazon S3 could not be installed, so no bucket at /mnt/s3 (HANGAR_DATA)");
    }

    @Test
    void onAnRpmSystemWithAGravitonProcessorMountpointIsTheArm64Rpm() throws Exception {
        machine.system("amzn", "aarch64");
        String agent = "amazoncloudwatch-agent-us-east-1.s3.us-east-1.amazonaws.com/amazon_linux/arm64/latest/amazon-cloudwatch-agent.rpm";
        machine.serve(agent, "the agent");
        machine.serve(agent + ".sig", "its signature");
        machine.serve(MOUNTPOINT_BUCKET + "/latest/arm64/mount-s3.rpm", "Mountpoint for Graviton");
        machine.serve(MOUNTPOINT_BUCKET + "/latest/arm64/mount-s3.rpm.asc", "its signature");
        machine.standIn("yum", Files.readString(machine.bin.resolve("apt-get")).lines().skip(2).collect(java.util.stream.Collectors.joining("\n")));

        List<String> calls = boot(archiveRun());

        assertThat(calls).anyMatch(c -> c.startsWith("yum install -y ") && c.endsWith("/mount-s3.rpm"));
        assertThat(machine.read("installed-mountpoint")).isEqualTo("Mountpoint for Graviton");
        assertThat(unit()).contains("User=ubuntu");
    }

    @Test
    void theUnitRunsAsTheLoginUserInTheCodeFolderWithItsEnvironmentAndRestartPolicy() throws Exception {
        List<String> calls = boot(archiveRun());

        assertThat(unit().lines()).contains("User=ubuntu", "WorkingDirectory=/mnt/data/code", "EnvironmentFile=/etc/hangar/run.env",
                "ExecStart=/bin/bash /usr/local/lib/hangar/hangar-run.sh " + LAUNCH + " archive",
                "ExecStopPost=+/bin/bash /usr/local/lib/hangar/hangar-run-stopped.sh " + LAUNCH,
                "Restart=on-failure", "RestartSec=30", "RestartPreventExitStatus=100",
                "After=hangar-s3-data.service", "Requires=hangar-s3-data.service",
                "RequiresMountsFor=/mnt/data", "WantedBy=multi-user.target");
        assertThat(unit()).as("the environment is not in the unit's text").doesNotContain("EPOCHS", "HANGAR_DATA");
        Path env = root.resolve("etc/hangar/run.env");
        assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SystemdEnvironmentFileParser.parse(Files.readString(env))).containsExactly(Map.entry("EPOCHS", "3"),
                Map.entry("HANGAR_DATA", "/mnt/s3"), Map.entry("HANGAR_SCRATCH", "/mnt/data"),
                Map.entry("HANGAR_CHECKPOINTS", "/mnt/data/checkpoints"));
        assertThat(calls).contains("chown ubuntu: " + root + "/mnt/data/code " + root + "/mnt/data/checkpoints",
                "systemctl daemon-reload", "systemctl enable hangar-s3-data.service hangar-run.service",
                "systemctl start --no-block hangar-run.service");
        assertThat(root.resolve("mnt/data/checkpoints")).isDirectory();
        assertThat(machine.read("etc/hangar/run-setup.sh")).isEqualTo("pip install -r requirements.txt\n");
        assertThat(machine.read("etc/hangar/run-command.sh")).isEqualTo("python train.py\n");
    }

    @Test
    void theRunsLogsGoToItsLogGroupByTheAgentInstalledEvenWithoutAGpu() throws Exception {
        List<String> calls = boot(archiveRun());

        assertThat(calls).anyMatch(c -> c.startsWith("dpkg -i -E ") && c.endsWith("amazon-cloudwatch-agent.deb"));
        String config = root + "/opt/aws/amazon-cloudwatch-agent/etc/hangar-run-logs.json";
        assertThat(calls).contains("amazon-cloudwatch-agent-ctl -a append-config -m ec2 -s -c file:" + config);
        JsonNode files = JSON.readTree(Path.of(config).toFile()).at("/logs/logs_collected/files/collect_list");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).toString()).isEqualTo("{\"file_path\":\"/var/log/hangar/run.log\",\"log_group_name\":\"/hangar/"
                + LAUNCH + "\",\"log_stream_name\":\"run\"}");
        assertThat(files.get(1).toString()).isEqualTo("{\"file_path\":\"/var/log/hangar/state.log\",\"log_group_name\":\"/hangar/"
                + LAUNCH + "\",\"log_stream_name\":\"state\"}");
        assertThat(Files.readString(Path.of(config))).as("nothing that needs more than CreateLogStream and PutLogEvents")
                .doesNotContain("retention", "log_group_class");
        assertThat(calls).contains("chown ubuntu: " + root + "/var/log/hangar " + root + "/var/log/hangar/run.log "
                + root + "/var/log/hangar/state.log");
    }

    @ParameterizedTest(name = "read-write {0}")
    @ValueSource(booleans = {false, true})
    void theBucketPrefixIsMountedAtMntS3ReadOnlyOrWritableAsTheSpecSays(boolean readWrite) throws Exception {
        List<String> calls = boot(run(null, "python train.py", Map.of(), false, "archive", readWrite));

        assertThat(calls.stream().filter(c -> c.startsWith("apt-get"))).hasSize(2).first().isEqualTo("apt-get -o DPkg::Lock::Timeout=300 update -q");
        assertThat(calls).anyMatch(c -> c.startsWith("apt-get -o DPkg::Lock::Timeout=300 install -y ") && c.endsWith("/mount-s3.deb"));
        assertThat(machine.read("installed-mountpoint")).isEqualTo("Mountpoint");
        assertThat(machine.log()).contains("signed by AWS's key " + MOUNTPOINT_KEY + ": installing it");
        String service = machine.read("etc/systemd/system/hangar-s3-data.service");
        assertThat(service.lines()).contains("Type=forking", "ExecStartPre=-/bin/umount -l /mnt/s3", "ExecStart=/bin/bash /etc/hangar/hangar-s3-data.sh",
                "ExecStop=/bin/umount /mnt/s3", "WantedBy=multi-user.target");

        List<String> args = mountArgs("hangar-s3-data.sh");

        List<String> expected = new ArrayList<>(List.of("my-datasets", "/mnt/s3", "--prefix", "datasets/", "--uid", "1000",
                "--gid", "1000", "--allow-other"));
        expected.addAll(readWrite ? List.of("--allow-delete", "--allow-overwrite") : List.of("--read-only"));
        assertThat(args).containsExactlyElementsOf(expected);
    }

    @Test
    void codeInS3IsASecondReadOnlyMountTheRunNeeds() throws Exception {
        boot(run(null, "python train.py", Map.of(), false, "s3", true));

        assertThat(mountArgs("hangar-s3-code.sh")).containsExactly("code-bucket", "/mnt/code-s3", "--prefix", "projects/it's here/",
                "--uid", "1000", "--gid", "1000", "--allow-other", "--read-only");
        assertThat(unit().lines()).contains("Requires=hangar-s3-data.service hangar-s3-code.service",
                "ExecStart=/bin/bash /usr/local/lib/hangar/hangar-run.sh " + LAUNCH + " s3")
                .noneMatch(l -> l.startsWith("ExecStopPost"));
        assertThat(machine.calls()).contains("systemctl enable hangar-s3-data.service hangar-s3-code.service hangar-run.service");
    }

    @Test
    void withoutCodeTheRunWorksInTheLoginUsersHome() throws Exception {
        boot(run(null, "nvidia-smi", Map.of(), false, "none", false));

        assertThat(unit().lines()).contains("WorkingDirectory=~", "ExecStart=/bin/bash /usr/local/lib/hangar/hangar-run.sh " + LAUNCH + " none");
        verified("hangar-s3-data.service", "hangar-run.service");
    }

    @Test
    void setupCommandAndEnvironmentArriveExactlyAndNothingInThemRunsAtBoot() throws Exception {
        String evil = "echo '$(touch pwned)' \"`touch pwned`\" $(touch pwned)\nHANGAR_EOF\nHANGAR_EOF_1\n'\"\\\n# not a comment";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUOTES", "it's \"quoted\" \\ $(touch pwned) `touch pwned` ${HOME}");
        env.put("SPACES", "  leading and trailing  ");
        env.put("EMPTY", "");
        RunModel run = new RunModel(evil, evil + "\n", env, true, null, null, null, "my-datasets", "it's $(touch pwned)/",
                false, RunModel.logGroup(LAUNCH), RunModel.LOG_RETENTION_DAYS);

        boot(run);

        assertThat(machine.read("etc/hangar/run-setup.sh")).isEqualTo(evil + "\n");
        assertThat(machine.read("etc/hangar/run-command.sh")).isEqualTo(evil + "\n");
        Map<String, String> expected = new LinkedHashMap<>(env);
        expected.putAll(Map.of("HANGAR_DATA", "/mnt/s3", "HANGAR_SCRATCH", "/mnt/data", "HANGAR_CHECKPOINTS", "/mnt/data/checkpoints"));
        assertThat(SystemdEnvironmentFileParser.parse(machine.read("etc/hangar/run.env"))).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(mountArgs("hangar-s3-data.sh")).contains("it's $(touch pwned)/");
        try (var files = Files.walk(root)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("pwned");
        }
    }

    @Test
    void aBadMountpointSignatureIsRefusedAndTheRunDoesNotStartWithoutItsData() throws Exception {
        Files.writeString(root.resolve("gpg-says-mountpoint"), "bad");

        List<String> calls = boot(archiveRun());

        assertThat(calls).noneMatch(c -> c.startsWith("apt-get") || c.startsWith("systemctl"));
        assertThat(root.resolve("installed-mountpoint")).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/hangar-run.service")).doesNotExist();
        assertThat(machine.log()).contains("REFUSED: https://" + MOUNTPOINT_BUCKET + "/latest/x86_64/mount-s3.deb is not signed by"
                + " AWS's Mountpoint key " + MOUNTPOINT_KEY);
        JsonNode state = JSON.readTree(machine.read("var/log/hangar/state.log"));
        assertThat(state.get("state").asText()).isEqualTo("failed");
        assertThat(state.get("exitCode").isNull()).isTrue();
        assertThat(state.get("reason").asText()).contains("Mountpoint for Amazon S3 could not be installed", "/mnt/s3 (HANGAR_DATA)");
        assertThat(machine.read("var/log/hangar/run.log")).contains("the run cannot start: Mountpoint for Amazon S3 could not be installed");
        assertThat(calls).as("the agent still ships that state").anyMatch(c -> c.startsWith("amazon-cloudwatch-agent-ctl -a append-config"));
    }

    @Test
    void withoutItsDataVolumeTheRunDoesNotStartAndSaysWhy() throws Exception {
        Files.delete(root.resolve("attached"));

        List<String> calls = boot(archiveRun());

        assertThat(calls).noneMatch(c -> c.startsWith("systemctl"));
        assertThat(JSON.readTree(machine.read("var/log/hangar/state.log")).get("reason").asText())
                .isEqualTo("no data volume at /mnt/data (HANGAR_SCRATCH)");
    }

    @Test
    void mountpointComesOnlyFromItsRegionalAddress() throws Exception {
        List<String> calls = boot(archiveRun());

        assertThat(calls.stream().filter(c -> c.startsWith("curl ") && c.contains("mount"))).isNotEmpty()
                .allMatch(c -> c.contains("https://" + MOUNTPOINT_BUCKET + "/"));
        assertThat(UserData.script(archiveRun())).doesNotContainPattern("https?://[^\\s\"]*s3\\.amazonaws\\.com");
    }

    // The unit's wrapper and stop hook, run as systemd runs them: ExecStart as the user, then ExecStopPost.

    /** Boots a machine with this run; the wrapper and hook then run from where the boot put them. */
    private void booted(String setup, String command, String codeKind) throws IOException, InterruptedException {
        boot(run(setup, command, Map.of(), true, codeKind, false));
    }

    /** The unit's line, split into words: ExecStart or ExecStopPost, as systemd would run it (without its '+'). */
    private List<String> exec(String key) throws IOException {
        String line = unit().lines().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow();
        List<String> words = new ArrayList<>(List.of(line.substring(key.length() + 1).replaceFirst("^\\+", "").split(" ")));
        assertThat(words.get(0)).isEqualTo("/bin/bash");
        words.set(1, root + words.get(1));
        return words;
    }

    /** ExecStart, as the login user would run it, in the unit's working folder; its exit code. */
    private int start() throws IOException, InterruptedException {
        List<String> words = exec("ExecStart");
        return machine.exitCode(Path.of(words.get(1)), Map.of("HOME", root.resolve("home/ubuntu").toString()),
                words.subList(2, words.size()).toArray(String[]::new));
    }

    private void stopHook() throws IOException, InterruptedException {
        List<String> words = exec("ExecStopPost");
        machine.run(Path.of(words.get(1)), words.subList(2, words.size()).toArray(String[]::new));
    }

    private long shutdowns() throws IOException {
        return machine.calls().stream().filter(c -> c.startsWith("shutdown")).peek(c -> assertThat(c).isEqualTo("shutdown -h now")).count();
    }

    private List<JsonNode> states() throws IOException {
        List<JsonNode> states = new ArrayList<>();
        for (String line : machine.read("var/log/hangar/state.log").lines().toList()) {
            JsonNode state = JSON.readTree(line);
            assertThat(state.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            states.add(state);
        }
        return states;
    }

    private List<String> stateNames() throws IOException {
        return states().stream().map(s -> s.get("state").asText() + ":" + s.get("exitCode")).toList();
    }

    @Test
    void theArchiveIsUnpackedOnceSetupRunsOnceAndTheCommandsOutputAndStatesAreLogged() throws Exception {
        booted("echo setting up; echo x >>\"$HANGAR_ROOT/setups\"", "echo training with $HOME; echo oops >&2", "archive");
        Path archive = Files.createDirectories(root.resolve("mnt/s3/hangar/" + LAUNCH)).resolve("code.tar.gz");
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("train.py"), "print('hi')\n");
        assertThat(new ProcessBuilder("tar", "-czf", archive.toString(), "-C", project.toString(), "train.py").start().waitFor()).isZero();

        assertThat(start()).isZero();

        assertThat(root.resolve("mnt/data/code/train.py")).hasContent("print('hi')");
        assertThat(stateNames()).containsExactly("setting-up:null", "running:null", "succeeded:0");
        assertThat(states()).allSatisfy(s -> assertThat(s.size()).as("state, exitCode, time").isEqualTo(3));
        assertThat(machine.read("var/log/hangar/run.log")).contains("setting up", "training with " + root + "/home/ubuntu", "oops");

        Files.delete(root.resolve("mnt/data/code/train.py"));
        assertThat(start()).as("a start after the run succeeded").isZero();

        assertThat(root.resolve("mnt/data/code/train.py")).as("unpacked once").doesNotExist();
        assertThat(machine.read("setups")).as("setup once").isEqualTo("x\n");
        assertThat(stateNames()).as("nothing ran again").hasSize(3);
        assertThat(machine.read("var/log/hangar/run.log")).contains("this run has ended; to run it again: sudo rm -r /mnt/data/.hangar/" + LAUNCH);
    }

    @Test
    void aFailingCommandIsTriedThreeTimesWithSetupOnceThenFailsForGood() throws Exception {
        booted("echo x >>\"$HANGAR_ROOT/setups\"", "echo y >>\"$HANGAR_ROOT/commands\"; exit 3", "none");

        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            exits.add(start());
        }

        assertThat(exits).as("restart, restart, given up (no restart), still given up").containsExactly(1, 1, 100, 100);
        assertThat(machine.read("setups")).isEqualTo("x\n");
        assertThat(machine.read("commands")).isEqualTo("y\ny\ny\n");
        assertThat(stateNames()).containsExactly("setting-up:null", "running:null", "running:null", "running:null", "failed:3");
    }

    @Test
    void withStopWhenDoneTheMachineStopsOnceAfterTheCommandSucceeds() throws Exception {
        booted(null, "echo done", "none");

        assertThat(start()).isZero();
        stopHook();
        assertThat(shutdowns()).isEqualTo(1);

        // A person starts the machine again to look at the results: the unit starts, nothing runs, the machine stays up.
        assertThat(start()).isZero();
        stopHook();
        assertThat(shutdowns()).isEqualTo(1);
        assertThat(machine.read("var/log/hangar/run.log")).contains("the command has ended: stopping the machine (stopWhenDone)");
    }

    @Test
    void withStopWhenDoneTheMachineStopsOnceAfterTheCommandFailsForGoodNotWhileItIsRetried() throws Exception {
        booted(null, "exit 7", "none");

        for (int attempt = 1; attempt <= 3; attempt++) {
            start();
            stopHook();
            assertThat(shutdowns()).as("after attempt " + attempt).isEqualTo(attempt < 3 ? 0 : 1);
        }
        start();
        stopHook();

        assertThat(shutdowns()).isEqualTo(1);
        assertThat(stateNames()).endsWith("failed:7");
    }

    @Test
    void aSetupThatFailsForGoodLeavesTheMachineUpForALook() throws Exception {
        booted("exit 2", "echo never >>\"$HANGAR_ROOT/commands\"", "none");

        for (int attempt = 1; attempt <= 3; attempt++) {
            start();
            stopHook();
        }

        assertThat(shutdowns()).isZero();
        assertThat(root.resolve("commands")).doesNotExist();
        assertThat(stateNames()).containsExactly("setting-up:null", "setting-up:null", "setting-up:null", "failed:2");
    }

    @Test
    void aStopByHandOrByAShutdownIsNotAFailureAndDoesNotStopTheMachine() throws Exception {
        booted(null, "echo started; exec /bin/sleep 30", "none");
        List<String> command = exec("ExecStart");
        command.set(0, "bash");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().put("HANGAR_ROOT", root.toString());
        pb.environment().put("HOME", root.resolve("home/ubuntu").toString());
        Process wrapper = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!machine.read("var/log/hangar/run.log").contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        wrapper.destroy(); // SIGTERM, as systemctl stop sends it
        assertThat(wrapper.waitFor(20, TimeUnit.SECONDS)).as("the wrapper ends at once").isTrue();
        stopHook();

        assertThat(wrapper.exitValue()).isEqualTo(143);
        assertThat(shutdowns()).isZero();
        assertThat(stateNames()).containsExactly("running:null");
        assertThat(root.resolve("mnt/data/.hangar/" + LAUNCH + "/command-failures")).doesNotExist();
        assertThat(machine.read("var/log/hangar/run.log")).contains("stopped during the command");
    }

    @Test
    void aMissingCodeArchiveFailsTheRunWithItsReasonAndNoRetry() throws Exception {
        booted(null, "echo never", "archive");

        assertThat(start()).isEqualTo(100);

        JsonNode state = states().get(0);
        assertThat(state.get("state").asText()).isEqualTo("failed");
        assertThat(state.get("reason").asText()).contains("code archive /mnt/s3/hangar/" + LAUNCH + "/code.tar.gz");
    }

    private List<String> mountArgs(String script) throws IOException, InterruptedException {
        Files.deleteIfExists(root.resolve("mount-s3-args"));
        machine.run(root.resolve("etc/hangar/" + script));
        return Files.readAllLines(root.resolve("mount-s3-args"));
    }

    private Path resource(String name) throws IOException {
        Path file = root.resolve("resource-" + name);
        Files.writeString(file, UserData.resource(name), StandardCharsets.UTF_8);
        return file;
    }
}
