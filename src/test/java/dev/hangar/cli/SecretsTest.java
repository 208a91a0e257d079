package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.LaunchSpecJson;
import dev.hangar.testing.Fault;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distinctive fake credentials and a freshly created key pair, through the command line as a process with
 * the SDK's and Hangar's logging at DEBUG: a launch, status, destroy, a launch that fails with AWS's
 * signature error (whose text quotes the signed request, session token included, as AWS's does) and a
 * sweep that fails the same way. Then every byte those processes wrote and every file in Hangar's home
 * but the key file itself is searched.
 *
 * <p>What may appear where: the secret access key is never sent, so it appears nowhere. The session
 * token travels in every request (x-amz-security-token) and the private key in one response: neither may
 * appear anywhere, logs included. The access key ID is sent in every Authorization header and is not
 * itself a secret, but it names the account's credentials: Hangar's own output (standard output, its
 * non-log lines on standard error, the journal) must not carry it; a log line of the AWS SDK or the HTTP
 * client may (today none does).
 */
@ExtendWith(LocalAwsExtension.class)
class SecretsTest {

    static final String ACCESS_KEY_ID = "AKIAHANGARTESTKEY0001";
    static final String SECRET_KEY = "hangar/secret/DO-NOT-LOG/0123456789abcdefghij";
    static final String SESSION_TOKEN = "hangar-session-token-DO-NOT-LOG";
    static final String KEY_NAME = "hangar-secrets-key";
    /** slf4j-simple's line: "[thread] LEVEL logger - message". */
    static final Pattern SDK_LOG_LINE = Pattern.compile("^\\[[^\\]]*\\] (TRACE|DEBUG|INFO|WARN|ERROR) (software\\.amazon\\.awssdk|org\\.apache\\.http)\\.\\S* - .*");

    @TempDir Path tmp;

    /** What AWS answers when a request's signature does not match: the canonical request it expected, headers and all. */
    static String signatureDoesNotMatch(String service) {
        return "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and "
                + "signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:" + service + ".amazonaws.com\nx-amz-date:20261126T101923Z\n"
                + "x-amz-security-token:" + SESSION_TOKEN + "\n\ncontent-type;host;x-amz-date;x-amz-security-token\n"
                + "3a1f8c2e9b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n"
                + "20261126T101923Z\n20261126/us-east-1/" + service + "/aws4_request\n9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e'";
    }

    @Test
    void noSecretReachesALogTheJournalTheScreenOrAnErrorMessage(LocalAws aws) throws Exception {
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
        Path home = tmp.resolve("home");
        Path spec = tmp.resolve("spec.json");
        LaunchSpecJson.write(LaunchSpec.builder().name("secrets").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data").access(Access.SSH).sshCidr("203.0.113.7/32")
                .keyPair(KEY_NAME).createKeyPair(true).build(), spec);
        Map<String, HangarProcess> runs = new LinkedHashMap<>();

        HangarProcess launched = hangar(aws, home, "launch", "--spec", spec.toString(), "--yes", "--json");
        runs.put("launch", launched);
        assertThat(launched.await(Duration.ofMinutes(3))).as(launched.output()).isZero();
        String launchId = CrashAndResumeTest.onlyLaunchIn(home);
        Path keyFile = home.resolve("keys").resolve(KEY_NAME + ".pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        List<String> keyBody = privateKeyBody(keyFile);
        assertThat(launched.err()).as("debug logging was on").contains("DEBUG software.amazon.awssdk");

        runs.put("status", hangar(aws, home, "status", "--json"));
        runs.get("status").await(Duration.ofMinutes(2));
        runs.put("destroy", hangar(aws, home, "destroy", "--launch", launchId, "--yes"));
        assertThat(runs.get("destroy").await(Duration.ofMinutes(2))).as(runs.get("destroy").output()).isZero();

        // A failure whose AWS message quotes the signed request: what the researcher sees, and the journal keeps.
        aws.endpoint().inject(Fault.on("iam", "CreateRole").always().error(403, "SignatureDoesNotMatch", signatureDoesNotMatch("iam")));
        HangarProcess failed = hangar(aws, home, "launch", "--spec", spec.toString().replace("spec.json", "spec.json"), "--yes");
        runs.put("failed launch", failed);
        Files.deleteIfExists(keyFile); // destroy removed it already; a second key pair of that name is refused otherwise
        assertThat(failed.await(Duration.ofMinutes(2))).as(failed.output()).isEqualTo(1);
        assertThat(failed.out()).contains("SignatureDoesNotMatch").contains("left out");
        aws.endpoint().clearFaults();

        aws.endpoint().inject(Fault.on("ec2", "DescribeInstances").always().error(403, "SignatureDoesNotMatch", signatureDoesNotMatch("ec2")));
        HangarProcess sweep = hangar(aws, home, "sweep", "--region", LocalAws.REGION);
        runs.put("sweep", sweep);
        assertThat(sweep.await(Duration.ofMinutes(2))).as(sweep.output()).isEqualTo(1);
        assertThat(sweep.err()).contains("SignatureDoesNotMatch");
        aws.endpoint().clearFaults();

        List<String> found = new ArrayList<>();
        for (var run : runs.entrySet()) {
            scan(found, run.getKey() + " stdout", run.getValue().out(), keyBody, false);
            scan(found, run.getKey() + " stderr", run.getValue().err(), keyBody, true);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(home.resolve("keys"))).toList()) {
                scan(found, home.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1), keyBody, false);
            }
        }
        assertThat(found).as("secrets found").isEmpty();
        assertThat(Files.list(home.resolve("launches")).filter(f -> f.toString().endsWith(".json"))).hasSize(2);
    }

    private HangarProcess hangar(LocalAws aws, Path home, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", aws.uri().toString(), "--home", home.toString(), "--fast-polling"));
        return HangarProcess.start(tmp.resolve("processes"), Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                        "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_EC2_METADATA_DISABLED", "true"),
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"), all.toArray(String[]::new));
    }

    /** The base64 lines of the private key that are its own (the first line is the same for every OpenSSH ed25519 key), and all of it joined. */
    private static List<String> privateKeyBody(Path pem) throws IOException {
        List<String> lines = Files.readAllLines(pem).stream().filter(l -> !l.startsWith("-----") && !l.isBlank()).toList();
        assertThat(lines).as("the private key file holds a key").isNotEmpty();
        List<String> distinctive = new ArrayList<>(lines.size() > 1 ? lines.subList(1, lines.size()) : lines);
        distinctive.removeIf(l -> l.length() < 16);
        distinctive.add(String.join("", lines));
        return distinctive;
    }

    private static void scan(List<String> found, String where, String text, List<String> keyBody, boolean mayHoldSdkLogs) {
        if (text.contains(SECRET_KEY)) {
            found.add(where + ": the secret access key");
        }
        if (text.contains(SESSION_TOKEN)) {
            found.add(where + ": the session token, e.g. " + lineWith(text, SESSION_TOKEN));
        }
        for (String part : keyBody) {
            if (text.contains(part)) {
                found.add(where + ": private key material " + part.substring(0, Math.min(12, part.length())) + "…");
            }
        }
        for (String line : text.split("\n")) {
            if (line.contains(ACCESS_KEY_ID) && !(mayHoldSdkLogs && SDK_LOG_LINE.matcher(line).matches())) {
                found.add(where + ": the access key ID in Hangar's own output: " + line);
            }
        }
    }

    private static String lineWith(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).findFirst().map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l).orElse("");
    }
}
