package dev.hangar.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An instance for the first-boot script to run on: a temporary root (the script's HANGAR_ROOT) with recording stand-ins
 * first on the PATH. Each stand-in appends "name args" to calls.log; the disk's state lives in files under the root.
 * The stand-in curl serves files from {@code web/<host>/<path>} under the root, and answers instance metadata only with
 * the IMDSv2 session token; gpg says what real gpg says of a good signature by {@link #GOOD_SIGNATURE_STATUS}'s key, or
 * of a bad one when the file gpg-says holds "bad".
 */
final class BootMachine {

    static final String DATA_DEVICE = "/dev/nvme1n1";
    /** AWS's CloudWatch agent key, as its documentation gives it. */
    static final String AWS_AGENT_KEY = "937616F3450B7D806CBD9725D58167303B789C72";
    static final String IMDS_TOKEN = "imds-session-token-1";
    /** The status lines real gpg prints for a good signature (see FirstBootScriptTest.theGpgStandInSpeaksAsRealGpgDoes). */
    static final String GOOD_SIGNATURE_STATUS = "[GNUPG:] GOODSIG D58167303B789C72 Amazon CloudWatch Agent\n"
            + "[GNUPG:] VALIDSIG " + AWS_AGENT_KEY + " 2025-01-07 1736208000 0 4 0 1 8 00 " + AWS_AGENT_KEY;

    final Path root;
    final Path bin;

    BootMachine(Path root) throws IOException {
        this.root = root;
        bin = Files.createDirectories(root.resolve("stand-ins"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("tmp"));
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

    void region(String region) throws IOException {
        serve("169.254.169.254/latest/meta-data/placement/region", region);
    }

    void system(String osReleaseId, String machine) throws IOException {
        Files.writeString(root.resolve("etc/os-release"), "NAME=\"Some Linux\"\nID=" + osReleaseId + "\nVERSION_ID=\"1\"\n");
        standIn("uname", "echo " + machine);
    }

    void serve(String hostAndPath, String content) throws IOException {
        serve(hostAndPath, content.getBytes(StandardCharsets.UTF_8));
    }

    void serve(String hostAndPath, byte[] content) throws IOException {
        Path f = root.resolve("web").resolve(hostAndPath);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
    }

    /** The next {@code times} downloads of the URL fail as a connection timeout would. */
    void failing(String url, int times) throws IOException {
        Path f = root.resolve("web-failures").resolve(url.substring(url.indexOf("://") + 3));
        Files.createDirectories(f.getParent());
        Files.writeString(f, String.valueOf(times));
    }

    void standIn(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\necho \"" + name + " $*\" >>\"$HANGAR_ROOT/calls.log\"\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script (and its arguments) under the root; asserts it finishes with exit 0; returns the calls so far. */
    List<String> run(Path script, String... args) throws IOException, InterruptedException {
        assertThat(exitCode(script, Map.of(), args)).as(log()).isZero();
        return calls();
    }

    /** Runs the script under the root, with these extra environment variables, in the root; returns its exit code. */
    int exitCode(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(root.toFile());
        pb.environment().put("HANGAR_ROOT", root.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("TMPDIR", root.resolve("tmp").toString());
        pb.environment().remove("GNUPGHOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finishes").isTrue();
        if (out.length > 0) {
            Files.write(root.resolve("script-output"), out);
        }
        return p.exitValue();
    }

    List<String> calls() throws IOException {
        Path f = root.resolve("calls.log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    String log() throws IOException {
        return read("var/log/hangar-user-data.log");
    }

    /** A file under the root, or "" when there is none. */
    String read(String path) throws IOException {
        Path f = root.resolve(path);
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
