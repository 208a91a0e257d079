package dev.hangar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.blueprint.ClusterModel;
import dev.hangar.blueprint.Redaction;
import dev.hangar.connect.ExecutableSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * AWS ParallelCluster's {@code pcluster} command, found on the PATH and run with the global options' profile and
 * endpoint. Its answers are JSON on standard output, errors too ({@code {"message": ...}}).
 */
final class Pcluster {

    static final String COMMAND = "pcluster";
    static final String INSTALL = "python3 -m pip install aws-parallelcluster==" + ClusterModel.PCLUSTER_VERSION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MINUTES = 10;

    private final Path executable;
    private final Map<String, String> env;

    private Pcluster(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = env;
    }

    /**
     * One run of pcluster.
     *
     * @param json its standard output as JSON; an empty object when it printed none
     * @param text what it printed, both streams, credential-shaped parts masked
     */
    record Answer(int exit, JsonNode json, String text) {

        boolean ok() {
            return exit == 0;
        }

        /** What went wrong, in pcluster's words: its message and each validation error; never a credential. */
        String problem() {
            List<String> parts = new ArrayList<>();
            if (json.hasNonNull("message")) {
                parts.add(json.get("message").asText());
            }
            for (JsonNode e : json.path("configurationValidationErrors")) {
                parts.add(e.path("level").asText("ERROR") + " " + e.path("type").asText("") + ": " + e.path("message").asText());
            }
            for (JsonNode f : json.path("failures")) {
                parts.add(f.path("failureCode").asText("") + ": " + f.path("failureReason").asText());
            }
            String said = parts.isEmpty() ? text.strip() : String.join("\n", parts);
            return Redaction.redact(said.isEmpty() ? "pcluster exited with " + exit + " and said nothing" : said);
        }
    }

    /** pcluster on the PATH of {@code processEnv}, to be run with the global options' profile and endpoint; empty when absent. */
    static Optional<Pcluster> find(Map<String, String> processEnv, GlobalOptions global) {
        Map<String, String> env = new HashMap<>(processEnv);
        if (global.profile != null) {
            env.put("AWS_PROFILE", global.profile);
        }
        if (global.endpointUrl != null) {
            env.put("AWS_ENDPOINT_URL", global.endpointUrl); // boto3 honours it for every service
        }
        return ExecutableSearch.onPath(processEnv, System.getProperty("os.name")).apply(COMMAND).map(p -> new Pcluster(p, env));
    }

    /** How to get pcluster, and the command Hangar would have run: printed when it is not on the PATH. */
    static void explainMissing(PrintWriter err, List<String> wouldRun) {
        err.println("pcluster (AWS ParallelCluster's command line) is not on the PATH. Install it with:");
        err.println("  " + INSTALL);
        err.println("It needs Node.js 18 or newer on the PATH too (for its AWS CDK templates): https://nodejs.org");
        err.println("Hangar would have run:");
        err.println("  " + String.join(" ", wouldRun));
    }

    /** The command line Hangar runs for {@code args}, as it would be typed. */
    static List<String> commandLine(List<String> args) {
        List<String> all = new ArrayList<>(List.of(COMMAND));
        all.addAll(args);
        return all;
    }

    Answer run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Answer(-1, JSON.createObjectNode(), "pcluster " + args.get(0) + " did not answer in " + TIMEOUT_MINUTES + " minutes");
        }
        String stderr = err.join();
        return new Answer(p.exitValue(), parse(out), Redaction.redact((out + "\n" + stderr).strip()));
    }

    private static JsonNode parse(String out) {
        int start = out.indexOf('{');
        if (start >= 0) {
            try {
                return JSON.readTree(out.substring(start));
            } catch (IOException e) {
                // not JSON after all: the text says what happened
            }
        }
        return JSON.createObjectNode();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
