package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.ShellCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Run Command that starts JupyterLab, run as the SSM agent runs AWS-RunShellScript (the commands joined into one
 * file, executed by {@code sh}: dash here, as on Ubuntu) under a temporary root, with recording stand-ins for the
 * system's tools. The systemd-run stand-in really runs the unit's command line, in a clean environment built from
 * the unit's settings, so the JupyterLab stand-in sees what JupyterLab would: its arguments, its environment, its log.
 */
class StartJupyterScriptTest {

    private static final JupyterTarget TARGET = new JupyterTarget("i-0123456789abcdef0", "us-east-1", "ubuntu", 8888, 18888);

    @TempDir Path root;
    private Path bin;
    private final JupyterToken token = JupyterToken.random();

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(root.resolve("stand-ins"));
        Files.createDirectories(root.resolve("home/ubuntu"));
        Files.createDirectories(root.resolve("tmp"));
        standIn("getent", "[ \"$1 $2\" = 'passwd ubuntu' ] && echo 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'");
        standIn("id", "[ \"$1 $2\" = '-gn ubuntu' ] && echo ubuntu");
        // runuser -l USER -c CMD: the user's login PATH (a file of the test's); runuser -u USER -- CMD...: runs CMD.
        standIn("runuser", "if [ \"$1\" = -l ]; then cat \"$HANGAR_ROOT/login-path-jupyter\" 2>/dev/null; exit; fi; shift 3; exec \"$@\"");
        standIn("systemctl", "case \"$1\" in is-active) [ -e \"$HANGAR_ROOT/unit-active\" ] ;;"
                + " stop) rm -f \"$HANGAR_ROOT/unit-active\" \"$HANGAR_ROOT/listening\" ;; *) exit 0 ;; esac");
        // Records its arguments and the environment file as systemd reads it, then starts the unit's command as systemd
        // would: a clean environment from --setenv and EnvironmentFile (HANGAR_ROOT kept for the stand-ins).
        standIn("systemd-run", """
                printf '%s\\n' "$@" >"$HANGAR_ROOT/systemd-run.args"
                vars=("HANGAR_ROOT=$HANGAR_ROOT")
                while [ "${1:0:1}" = - ]; do
                  case "$1" in
                    --setenv=*) vars+=("${1#--setenv=}") ;;
                    --property=WorkingDirectory=*) cd "${1#--property=WorkingDirectory=}" || exit 1 ;;
                    --property=EnvironmentFile=*) cp "${1#--property=EnvironmentFile=}" "$HANGAR_ROOT/env-at-start"; while IFS= read -r v; do vars+=("$v"); done <"${1#--property=EnvironmentFile=}" ;;
                  esac
                  shift
                done
                touch "$HANGAR_ROOT/unit-active"
                env -i "${vars[@]}" "$@"
                exit 0
                """);
        standIn("ss", "[ -e \"$HANGAR_ROOT/listening\" ] && echo 'LISTEN 0 128 127.0.0.1:8888 0.0.0.0:*'; exit 0");
        standIn("sleep", "exit 0");
        standIn("curl", "[ -e \"$HANGAR_ROOT/no-internet\" ] && { echo 'curl: (6) Could not resolve host: pypi.org' >&2; exit 6; }; exit 0");
        // pip install --user: puts jupyter-lab in ~/.local/bin, unless the instance has no internet or refuses pip (PEP 668).
        standIn("python3", """
                if [ -e "$HANGAR_ROOT/no-internet" ]; then echo 'ERROR: Could not find a version that satisfies the requirement jupyterlab (from versions: none)'; exit 1; fi
                if [ -e "$HANGAR_ROOT/externally-managed" ] && [[ " $* " != *' --break-system-packages '* ]]; then echo 'error: externally-managed-environment'; exit 1; fi
                mkdir -p "$HOME/.local/bin" && cp "$HANGAR_ROOT/jupyter-lab" "$HOME/.local/bin/jupyter-lab"
                """);
        // JupyterLab: records what it got, logs its tokenised URL as the real one does, then listens (or dies, or hangs).
        Files.writeString(root.resolve("jupyter-lab"), """
                #!/bin/bash
                { printf 'arg %s\\n' "$@"; echo "token $JUPYTER_TOKEN"; echo "home $HOME"; echo "path $PATH"; echo "pwd $PWD"; } >"$HANGAR_ROOT/jupyter.record"
                echo "[I ServerApp] Jupyter Server is running at: http://127.0.0.1:8888/lab?token=$JUPYTER_TOKEN"
                if [ -e "$HANGAR_ROOT/jupyter-crashes" ]; then echo 'OSError: [Errno 28] No space left on device'; rm -f "$HANGAR_ROOT/unit-active"; exit 1; fi
                [ -e "$HANGAR_ROOT/jupyter-hangs" ] || touch "$HANGAR_ROOT/listening"
                """);
        Files.setPosixFilePermissions(root.resolve("jupyter-lab"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void standIn(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\necho \"" + name + " $*\" >>\"$HANGAR_ROOT/calls.log\"\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void jupyterAt(String path) throws IOException {
        Path at = root.resolve(path.substring(1));
        Files.createDirectories(at.getParent());
        Files.copy(root.resolve("jupyter-lab"), at);
    }

    private void touch(String name) throws IOException {
        Files.writeString(root.resolve(name), "");
    }

    /** The commands as the SSM agent runs them: one file, {@code sh}. */
    private Run runCommand() throws IOException, InterruptedException {
        Path file = root.resolve("_script.sh");
        Files.writeString(file, String.join("\n", JupyterStartScript.commands(TARGET, token)) + "\n");
        return run(List.of("sh", file.toString()), Map.of());
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HANGAR_ROOT", root.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("TMPDIR", root.resolve("tmp").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finishes").isTrue();
        return new Run(p.exitValue(), output, read("calls.log"));
    }

    private record Run(int exitCode, String output, List<String> calls) {
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> read(String name) throws IOException {
        Path f = root.resolve(name);
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void isShellcheckClean() throws Exception {
        Path script = root.resolve("start-jupyter.sh");
        Files.writeString(script, JupyterStartScript.script());
        Path commands = root.resolve("commands.sh");
        Files.writeString(commands, String.join("\n", JupyterStartScript.commands(TARGET, token)) + "\n");

        for (Path p : List.of(script, commands)) {
            ShellCheck.Result r = ShellCheck.check(p);
            assertThat(r.exitCode()).as(p.getFileName() + "\n" + r.output()).isZero();
        }
    }

    @Test
    void startsJupyterLabAsTheLoginUserOnLoopbackOnlyWithTheToken() throws Exception {
        jupyterAt("/opt/conda/envs/pytorch/bin/jupyter-lab");

        Run run = runCommand();

        assertThat(run.exitCode()).as(run.output()).isZero();
        String jupyter = root + "/opt/conda/envs/pytorch/bin/jupyter-lab";
        assertThat(read("systemd-run.args")).contains("--unit=hangar-jupyter-8888", "--uid=ubuntu", "--gid=ubuntu",
                "--property=WorkingDirectory=" + root + "/home/ubuntu", jupyter);
        assertThat(read("jupyter.record")).as("what JupyterLab got").containsSubsequence("arg --no-browser", "arg --ip=127.0.0.1",
                "arg --port=8888", "arg --port-retries=0").contains("token " + token.value(), "home " + root + "/home/ubuntu",
                "pwd " + root + "/home/ubuntu").anyMatch(l -> l.startsWith("path " + root + "/opt/conda/envs/pytorch/bin:"))
                .noneMatch(l -> l.contains("0.0.0.0") || l.startsWith("arg --ip=") && !l.equals("arg --ip=127.0.0.1"));
        assertThat(read("env-at-start")).containsExactly("JUPYTER_TOKEN=" + token.value());
        assertThat(root.resolve("run/hangar-jupyter-8888.env")).as("the token file is gone once systemd read it").doesNotExist();
        assertThat(run.calls()).as("no command line carries the token (ps shows them to every user)")
                .noneMatch(c -> c.contains(token.value())).noneMatch(c -> c.startsWith("jupyter-lab"));
        assertThat(run.output()).contains("JupyterLab is listening on 127.0.0.1:8888 (log: /home/ubuntu/.hangar/jupyter-8888.log")
                .doesNotContain(token.value());
        Path log = root.resolve("home/ubuntu/.hangar/jupyter-8888.log");
        assertThat(Files.readString(log)).contains("Jupyter Server is running");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(root.resolve("tmp")).as("the script's temporary copy is removed").isEmptyDirectory();
    }

    @Test
    void theUsersLoginPathComesFirst() throws Exception {
        jupyterAt("/opt/conda/bin/jupyter-lab");
        jupyterAt("/opt/pyenv/bin/jupyter-lab");
        Files.writeString(root.resolve("login-path-jupyter"), "/opt/pyenv/bin/jupyter-lab\n");

        Run run = runCommand();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(read("systemd-run.args")).contains(root + "/opt/pyenv/bin/jupyter-lab");
    }

    @Test
    void aRunningJupyterLabIsRestartedWithTheNewToken() throws Exception {
        jupyterAt("/opt/pytorch/bin/jupyter-lab");
        touch("unit-active");
        touch("listening");

        Run run = runCommand();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls().indexOf("systemctl stop hangar-jupyter-8888")).as(run.calls().toString()).isNotNegative()
                .isLessThan(indexOf(run.calls(), "systemd-run --unit=hangar-jupyter-8888"));
        assertThat(run.output()).contains("restarting it with the new token");
        assertThat(read("jupyter.record")).contains("token " + token.value());
    }

    @Test
    void aPortTakenByAnotherProgramIsNamedAndNothingStarts() throws Exception {
        jupyterAt("/opt/pytorch/bin/jupyter-lab");
        touch("listening");

        Run run = runCommand();

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.output()).contains("port 8888 is taken on the instance by another program");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("systemd-run") || c.startsWith("systemctl stop"));
    }

    @Test
    void withoutJupyterLabItIsInstalledForTheUserWithPip() throws Exception {
        Run run = runCommand();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).contains("runuser -u ubuntu -- env HOME=" + root + "/home/ubuntu python3 -m pip install --user --quiet "
                + "--disable-pip-version-check jupyterlab");
        assertThat(read("systemd-run.args")).contains(root + "/home/ubuntu/.local/bin/jupyter-lab", "--uid=ubuntu");
        assertThat(run.output()).contains("installing it for ubuntu with pip install --user");
    }

    @Test
    void aPythonThatRefusesPipOutsideAVirtualEnvironmentStillGetsAUserInstall() throws Exception {
        touch("externally-managed");

        Run run = runCommand();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).anyMatch(c -> c.startsWith("python3 ") && c.endsWith("--break-system-packages jupyterlab"));
    }

    @Test
    void withoutInternetItSaysSoAndStartsNothing() throws Exception {
        touch("no-internet");

        Run run = runCommand();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.output()).contains("cannot reach pypi.org (no internet access");
        assertThat(run.calls()).noneMatch(c -> c.startsWith("systemd-run"));
    }

    @Test
    void aJupyterLabThatDiesShowsTheEndOfItsLogWithTheTokenMasked() throws Exception {
        jupyterAt("/opt/pytorch/bin/jupyter-lab");
        touch("jupyter-crashes");

        Run run = runCommand();

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.output()).contains("JupyterLab stopped before it listened", "No space left on device",
                "http://127.0.0.1:8888/lab?token=<token>").doesNotContain(token.value());
    }

    @Test
    void aJupyterLabThatNeverListensIsGivenUpOnInBoundedTime() throws Exception {
        jupyterAt("/opt/pytorch/bin/jupyter-lab");
        touch("jupyter-hangs");

        Run run = runCommand();

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.calls().stream().filter(c -> c.startsWith("sleep"))).hasSize(120);
        assertThat(run.output()).contains("did not listen on 127.0.0.1:8888 within 120 s").doesNotContain(token.value());
    }

    @Test
    void inputThatIsNotAUserAPortAndATokenIsRefusedBeforeAnythingRuns() throws Exception {
        Path script = root.resolve("start-jupyter.sh");
        Files.writeString(script, JupyterStartScript.script());
        String good = token.value();
        List<Map<String, String>> bad = List.of(
                Map.of("HANGAR_JUPYTER_USER", "ubuntu;touch pwned", "HANGAR_JUPYTER_PORT", "8888", "HANGAR_JUPYTER_TOKEN", good),
                Map.of("HANGAR_JUPYTER_USER", "ubuntu", "HANGAR_JUPYTER_PORT", "8888 --ip=0.0.0.0", "HANGAR_JUPYTER_TOKEN", good),
                Map.of("HANGAR_JUPYTER_USER", "ubuntu", "HANGAR_JUPYTER_PORT", "70000", "HANGAR_JUPYTER_TOKEN", good),
                Map.of("HANGAR_JUPYTER_USER", "ubuntu", "HANGAR_JUPYTER_PORT", "8888", "HANGAR_JUPYTER_TOKEN", "$(touch pwned)"));
        for (Map<String, String> env : bad) {
            Run run = run(List.of("bash", script.toString()), env);

            assertThat(run.exitCode()).as(env + "\n" + run.output()).isEqualTo(2);
            assertThat(run.calls()).isEmpty();
        }
        assertThat(root.resolve("pwned")).doesNotExist();
    }
}
