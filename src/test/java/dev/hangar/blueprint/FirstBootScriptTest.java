package dev.hangar.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.ShellCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first-boot script, run for real by bash under a temporary root with recording stand-ins for the disk tools:
 * a blank data volume is formatted once and mounted at /mnt/data; one with a file system is never formatted; a volume
 * that never arrives does not keep the script from finishing. Then the CloudWatch agent: fetched from AWS's bucket in the
 * instance's own region (found through IMDSv2) for its processor and system, retried while the network is not there yet,
 * installed only when AWS's key signed it, and never by the global S3 address. The stand-in curl serves files from
 * {@code web/<host>/<path>} under the root, and answers instance metadata only with the session token.
 */
class FirstBootScriptTest {

    private static final String DATA_DEVICE = "/dev/nvme1n1";
    /** AWS's CloudWatch agent key, as its documentation gives it. */
    private static final String AWS_AGENT_KEY = "937616F3450B7D806CBD9725D58167303B789C72";
    private static final String IMDS_TOKEN = "imds-session-token-1";
    /** The status lines real gpg prints for a good signature (see theGpgStandInSpeaksAsRealGpgDoes). */
    private static final String GOOD_SIGNATURE_STATUS = "[GNUPG:] GOODSIG D58167303B789C72 Amazon CloudWatch Agent\n"
            + "[GNUPG:] VALIDSIG " + AWS_AGENT_KEY + " 2025-01-07 1736208000 0 4 0 1 8 00 " + AWS_AGENT_KEY;
    private static final Pattern VALIDSIG = Pattern.compile(
            "^\\[GNUPG:] VALIDSIG ([0-9A-F]{40}) \\d{4}-\\d{2}-\\d{2} \\d+ \\d+ 4 0 \\d+ \\d+ 00 ([0-9A-F]{40})$", Pattern.MULTILINE);
    private static final Pattern URL = Pattern.compile("https?://([^/\\s]+)(/\\S*)?");

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

        // The instance: its metadata (IMDSv2: a token by PUT, then only calls that carry it), processor and system.
        serve("169.254.169.254/latest/api/token", IMDS_TOKEN);
        region("us-east-1");
        Files.createDirectories(root.resolve("tmp"));
        system("ubuntu", "x86_64");
        standIn("curl", """
                out=""; url=""; method=GET; token=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) out=$2; shift ;;
                    -X) method=$2; shift ;;
                    -H) case "$2" in "X-aws-ec2-metadata-token: "*) token=${2#*: } ;; esac; shift ;;
                    http://* | https://*) url=$1 ;;
                  esac
                  shift
                done
                path=${url#*://}
                failures="$HANGAR_ROOT/web-failures/$path"
                if [ -f "$failures" ] && [ "$(cat "$failures")" -gt 0 ]; then
                  echo $(( $(cat "$failures") - 1 )) >"$failures"; exit 28
                fi
                case "$path" in
                  169.254.169.254/latest/api/token) [ "$method" = PUT ] || exit 22 ;;
                  169.254.169.254/*) [ "$token" = "$(cat "$HANGAR_ROOT/web/169.254.169.254/latest/api/token")" ] || exit 22 ;;
                esac
                [ -f "$HANGAR_ROOT/web/$path" ] || exit 22
                if [ -n "$out" ]; then cp "$HANGAR_ROOT/web/$path" "$out"; else cat "$HANGAR_ROOT/web/$path"; fi
                """);
        String installs = """
                cp "${@: -1}" "$HANGAR_ROOT/installed-package"
                ctl="$HANGAR_ROOT/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl"
                mkdir -p "${ctl%/*}"
                printf '#!/bin/bash\\necho "amazon-cloudwatch-agent-ctl $*" >>"$HANGAR_ROOT/calls.log"\\n' >"$ctl"
                chmod +x "$ctl"
                """;
        standIn("dpkg", installs);
        standIn("rpm", installs);
        // gpg says what real gpg says of a good or a bad signature, by gpg-says under the root (good unless told).
        standIn("gpg", """
                echo "gpg-home ${GNUPGHOME:-}" >>"$HANGAR_ROOT/calls.log"
                case " $* " in *" --verify "*) ;; *) exit 0 ;; esac
                if [ "$(cat "$HANGAR_ROOT/gpg-says" 2>/dev/null)" = bad ]; then
                  echo "[GNUPG:] BADSIG D58167303B789C72 Amazon CloudWatch Agent"; exit 1
                fi
                cat "$HANGAR_ROOT/gpg-good-status"
                """);
        Files.writeString(root.resolve("gpg-good-status"), GOOD_SIGNATURE_STATUS + "\n");
    }

    /** A GPU image: nvidia-smi is there, so the script sets up the CloudWatch agent. */
    private void gpuImage() throws IOException {
        standIn("nvidia-smi", "exit 0");
    }

    private void region(String region) throws IOException {
        serve("169.254.169.254/latest/meta-data/placement/region", region);
    }

    private void system(String osReleaseId, String machine) throws IOException {
        Files.writeString(root.resolve("etc/os-release"), "NAME=\"Some Linux\"\nID=" + osReleaseId + "\nVERSION_ID=\"1\"\n");
        standIn("uname", "echo " + machine);
    }

    private void serve(String hostAndPath, String content) throws IOException {
        serve(hostAndPath, content.getBytes(StandardCharsets.UTF_8));
    }

    private void serve(String hostAndPath, byte[] content) throws IOException {
        Path f = root.resolve("web").resolve(hostAndPath);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
    }

    /** The next {@code times} downloads of the URL fail as a connection timeout would. */
    private void failing(String url, int times) throws IOException {
        Path f = root.resolve("web-failures").resolve(url.substring(url.indexOf("://") + 3));
        Files.createDirectories(f.getParent());
        Files.writeString(f, String.valueOf(times));
    }

    /** AWS's bucket in the region serving the agent package for the folder, processor and package type; returns its URL. */
    private String agentInBucket(String region, String folder, String arch, String kind, String packageContent) throws IOException {
        String bucket = "amazoncloudwatch-agent-" + region + ".s3." + region + ".amazonaws.com";
        String path = bucket + "/" + folder + "/" + arch + "/latest/amazon-cloudwatch-agent." + kind;
        serve(path, packageContent);
        serve(path + ".sig", "signature of " + packageContent);
        serve(bucket + "/assets/amazon-cloudwatch-agent.gpg", "AWS's public key");
        return "https://" + path;
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
        pb.environment().put("TMPDIR", root.resolve("tmp").toString());
        pb.environment().remove("GNUPGHOME");
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

    @Test
    void userDataFitsEc2sLimit() {
        assertThat(UserData.script().getBytes(StandardCharsets.UTF_8).length).as("bytes of user data").isLessThanOrEqualTo(UserData.MAX_BYTES);
    }

    @ParameterizedTest(name = "{0} on {1} in {2}")
    @CsvSource({
            "ubuntu, x86_64, us-east-1, ubuntu, amd64, deb, dpkg -i -E",
            "ubuntu, aarch64, eu-central-1, ubuntu, arm64, deb, dpkg -i -E",
            "amzn, aarch64, ap-southeast-2, amazon_linux, arm64, rpm, rpm -U",
            "rhel, x86_64, eu-west-3, redhat, amd64, rpm, rpm -U"})
    void theAgentComesFromTheBucketOfTheInstancesRegionForItsProcessorAndSystem(String osId, String machine, String region,
            String folder, String arch, String kind, String installer) throws Exception {
        gpuImage();
        Files.createFile(root.resolve("attached"));
        system(osId, machine);
        region(region);
        String url = agentInBucket(region, folder, arch, kind, "the " + folder + " " + arch + " agent");

        List<String> calls = run();

        assertThat(curls(calls)).as("IMDSv2: the token first, then the region with it").startsWith(
                "curl -fsS --retry 3 --connect-timeout 2 --max-time 5 -X PUT -H X-aws-ec2-metadata-token-ttl-seconds: 300 http://169.254.169.254/latest/api/token",
                "curl -fsS --retry 3 --connect-timeout 2 --max-time 5 -H X-aws-ec2-metadata-token: " + IMDS_TOKEN
                        + " http://169.254.169.254/latest/meta-data/placement/region");
        assertThat(urls(calls)).contains(url, url + ".sig",
                "https://amazoncloudwatch-agent-" + region + ".s3." + region + ".amazonaws.com/assets/amazon-cloudwatch-agent.gpg");
        assertThat(calls).anyMatch(c -> c.startsWith(installer + " ") && c.endsWith("/amazon-cloudwatch-agent." + kind));
        assertThat(Files.readString(root.resolve("installed-package"))).as("the package downloaded is the one installed")
                .isEqualTo("the " + folder + " " + arch + " agent");
        assertThat(calls).contains("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:" + root
                + "/opt/aws/amazon-cloudwatch-agent/etc/hangar.json");
        assertThat(log()).contains("signed by AWS's key " + AWS_AGENT_KEY + ": installing it");
        assertOnlyRegionalAddresses(calls, region);
        assertTemporaryFilesGone(calls);
    }

    @Test
    void aBadSignatureIsRefusedAndTheBootGoesOn() throws Exception {
        gpuImage();
        Files.createFile(root.resolve("attached"));
        Files.writeString(root.resolve("gpg-says"), "bad");
        agentInBucket("us-east-1", "ubuntu", "amd64", "deb", "a tampered agent");

        List<String> calls = run();

        assertThat(calls).noneMatch(c -> c.startsWith("dpkg") || c.startsWith("rpm") || c.startsWith("amazon-cloudwatch-agent-ctl"));
        assertThat(root.resolve("installed-package")).doesNotExist();
        assertThat(log()).contains("REFUSED: https://amazoncloudwatch-agent-us-east-1.s3.us-east-1.amazonaws.com/ubuntu/amd64/latest/"
                + "amazon-cloudwatch-agent.deb is not signed by AWS's CloudWatch agent key " + AWS_AGENT_KEY)
                .contains("no CloudWatch agent: GPU metrics skipped");
        assertThat(calls).as("the data volume is still mounted").contains("mount " + root + "/mnt/data");
        assertThat(log()).contains("mounted at /mnt/data for ubuntu");
        assertTemporaryFilesGone(calls);
    }

    @Test
    void aGenuineSignatureByAnotherKeyIsRefusedByRealGpg() throws Exception {
        Path gpg = realGpg();
        Files.delete(bin.resolve("gpg"));
        gpuImage();
        Files.createFile(root.resolve("attached"));
        String url = agentInBucket("us-east-1", "ubuntu", "amd64", "deb", "an agent signed by someone else");
        // Someone who can write to the bucket replaces the package, its signature and the key file with their own.
        Path home = Files.createDirectories(root.resolve("other-signer"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path bucket = root.resolve("web").resolve(java.net.URI.create(url).getHost());
        Path pkg = root.resolve("web").resolve(url.substring("https://".length()));
        try {
            gpg(gpg, home, "--batch", "--passphrase", "", "--quick-gen-key", "Not AWS <someone@example.com>", "ed25519", "sign", "never");
            gpg(gpg, home, "--batch", "--yes", "--detach-sign", "-o", pkg + ".sig", pkg.toString());
            Files.write(bucket.resolve("assets/amazon-cloudwatch-agent.gpg"),
                    gpg(gpg, home, "--export"));
            String status = new String(gpg(gpg, home, "--batch", "--status-fd", "1", "--verify", pkg + ".sig", pkg.toString()), StandardCharsets.UTF_8);
            assertThat(status).as("the signature itself is good").containsPattern(VALIDSIG);
        } finally {
            stopAgent(home);
        }

        List<String> calls = run();

        assertThat(calls).noneMatch(c -> c.startsWith("dpkg"));
        assertThat(log()).contains("REFUSED: " + url + " is not signed by AWS's CloudWatch agent key");
        assertThat(calls).contains("mount " + root + "/mnt/data");
    }

    @Test
    void theGpgStandInSpeaksAsRealGpgDoes() throws Exception {
        Path gpg = realGpg();
        Path home = Files.createDirectories(root.resolve("signer"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(root.resolve("signed"), "content");
        String status;
        try {
            gpg(gpg, home, "--batch", "--passphrase", "", "--quick-gen-key", "Test <test@example.com>", "rsa2048", "sign", "never");
            gpg(gpg, home, "--batch", "--yes", "--detach-sign", "-o", file + ".sig", file.toString());
            status = new String(gpg(gpg, home, "--batch", "--status-fd", "1", "--verify", file + ".sig", file.toString()), StandardCharsets.UTF_8);
        } finally {
            stopAgent(home);
        }
        Matcher real = VALIDSIG.matcher(status);
        assertThat(real.find()).as(status).isTrue();
        assertThat(real.group(2)).as("the primary key's fingerprint comes last").isEqualTo(real.group(1));
        assertThat(GOOD_SIGNATURE_STATUS).as("the stand-in's good signature").containsPattern(VALIDSIG);
    }

    @Test
    void aDownloadThatFailsTwiceIsTriedAgain() throws Exception {
        gpuImage();
        Files.createFile(root.resolve("attached"));
        String url = agentInBucket("us-east-1", "ubuntu", "amd64", "deb", "the agent");
        failing(url, 2);

        List<String> calls = run();

        assertThat(urls(calls).stream().filter(url::equals)).hasSize(3);
        assertThat(calls.stream().filter(c -> c.startsWith("sleep"))).as("a growing pause").containsExactly("sleep 5", "sleep 10");
        assertThat(Files.readString(root.resolve("installed-package"))).isEqualTo("the agent");
        assertThat(log()).contains("downloading " + url + " failed (attempt 2); trying again in 10 s");
    }

    @Test
    void aDownloadThatNeverWorksIsGivenUpAfterAFewMinutesAndTheBootGoesOn() throws Exception {
        gpuImage();
        Files.createFile(root.resolve("attached"));
        String url = agentInBucket("us-east-1", "ubuntu", "amd64", "deb", "the agent");
        failing(url, 1000);

        List<String> calls = run();

        assertThat(urls(calls).stream().filter(url::equals)).hasSize(7);
        List<Integer> pauses = calls.stream().filter(c -> c.startsWith("sleep ")).map(c -> Integer.parseInt(c.substring(6))).toList();
        assertThat(pauses).containsExactly(5, 10, 20, 40, 60, 60);
        assertThat(pauses.stream().mapToInt(Integer::intValue).sum()).as("seconds waited: longer than a NAT gateway takes").isBetween(120, 300);
        assertThat(calls).noneMatch(c -> c.startsWith("dpkg")).contains("mount " + root + "/mnt/data");
        assertThat(log()).contains("downloading " + url + " failed 7 times: giving up", "no CloudWatch agent: GPU metrics skipped");
    }

    @Test
    void theScriptNamesNoGlobalS3Address() {
        assertThat(UserData.script()).doesNotContainPattern("https?://[^\\s\"]*s3\\.amazonaws\\.com")
                .doesNotContainPattern("https?://s3\\.[^\\s\"]*amazonaws\\.com/amazoncloudwatch-agent/");
    }

    private static List<String> curls(List<String> calls) {
        return calls.stream().filter(c -> c.startsWith("curl ")).toList();
    }

    private static List<String> urls(List<String> calls) {
        List<String> urls = new ArrayList<>();
        for (String c : curls(calls)) {
            Matcher m = URL.matcher(c);
            while (m.find()) {
                urls.add(m.group());
            }
        }
        return urls;
    }

    /** Every S3 download goes to the region's own bucket by its regional address, which the S3 gateway endpoint carries. */
    private static void assertOnlyRegionalAddresses(List<String> calls, String region) {
        List<String> s3 = urls(calls).stream().filter(u -> !u.startsWith("http://169.254.169.254/")).toList();
        assertThat(s3).isNotEmpty().allSatisfy(u -> {
            String host = URI_HOST.apply(u);
            assertThat(host).isEqualTo("amazoncloudwatch-agent-" + region + ".s3." + region + ".amazonaws.com");
            assertThat(host).doesNotEndWith(".s3.amazonaws.com").isNotEqualTo("s3.amazonaws.com");
        });
    }

    private static final java.util.function.Function<String, String> URI_HOST = u -> java.net.URI.create(u).getHost();

    /** The downloads and the temporary keyring are gone, and gpg never used root's own keyring. */
    private void assertTemporaryFilesGone(List<String> calls) throws IOException {
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertThat(left).as("left in TMPDIR").isEmpty();
        }
        assertThat(calls.stream().filter(c -> c.startsWith("gpg-home "))).isNotEmpty()
                .allSatisfy(c -> assertThat(c).startsWith("gpg-home " + root.resolve("tmp") + "/"));
    }

    private static Path realGpg() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path gpg = Path.of(dir, "gpg");
            if (Files.isExecutable(gpg)) {
                return gpg;
            }
        }
        throw new AssertionError("this test needs GnuPG's gpg (Debian/Ubuntu: apt-get install gnupg), as every instance image has it");
    }

    /** The gpg-agent that key generation started for this GNUPGHOME. */
    private static void stopAgent(Path home) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("gpgconf", "--kill", "gpg-agent").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GNUPGHOME", home.toString());
        pb.start().waitFor(30, TimeUnit.SECONDS);
    }

    private static byte[] gpg(Path gpg, Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(gpg.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GNUPGHOME", home.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
