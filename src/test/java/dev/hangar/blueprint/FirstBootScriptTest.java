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

    private static final String DATA_DEVICE = BootMachine.DATA_DEVICE;
    private static final String AWS_AGENT_KEY = BootMachine.AWS_AGENT_KEY;
    private static final String IMDS_TOKEN = BootMachine.IMDS_TOKEN;
    private static final String GOOD_SIGNATURE_STATUS = BootMachine.GOOD_SIGNATURE_STATUS;
    private static final Pattern VALIDSIG = Pattern.compile(
            "^\\[GNUPG:] VALIDSIG ([0-9A-F]{40}) \\d{4}-\\d{2}-\\d{2} \\d+ \\d+ 4 0 \\d+ \\d+ 00 ([0-9A-F]{40})$", Pattern.MULTILINE);
    private static final Pattern URL = Pattern.compile("https?://([^/\\s]+)(/\\S*)?");

    @TempDir Path root;
    private BootMachine machine;
    private Path script;

    @BeforeEach
    void standIns() throws IOException {
        machine = new BootMachine(root);
        script = root.resolve("first-boot.sh");
        Files.writeString(script, UserData.script());
    }

    /** A GPU image: nvidia-smi is there, so the script sets up the CloudWatch agent. */
    private void gpuImage() throws IOException {
        machine.standIn("nvidia-smi", "exit 0");
    }

    private void region(String region) throws IOException {
        machine.region(region);
    }

    private void system(String osReleaseId, String machineName) throws IOException {
        machine.system(osReleaseId, machineName);
    }

    private void serve(String hostAndPath, String content) throws IOException {
        machine.serve(hostAndPath, content);
    }

    private void failing(String url, int times) throws IOException {
        machine.failing(url, times);
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

    private List<String> run() throws IOException, InterruptedException {
        return machine.run(script);
    }

    private String log() throws IOException {
        return machine.log();
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
        Files.delete(machine.bin.resolve("gpg"));
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
