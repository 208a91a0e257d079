package dev.hangar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared test data: the DESIGN.md example and JSON patching of it. */
final class SpecFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private SpecFixtures() {
    }

    static String designExample() {
        try (InputStream in = SpecFixtures.class.getResourceAsStream("design-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The design example with the patch's fields set; the patch is JSON written with ' for ". */
    static String patched(String patch) {
        try {
            ObjectNode base = (ObjectNode) JSON.readTree(designExample());
            JsonNode changes = JSON.readTree(patch.replace('\'', '"'));
            changes.properties().forEach(p -> base.set(p.getKey(), p.getValue()));
            return base.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String without(String field) {
        try {
            ObjectNode base = (ObjectNode) JSON.readTree(designExample());
            base.remove(field);
            return base.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal with ' for ", for building patches in Java code. */
    static String str(String s) {
        return "'" + s + "'";
    }

    static LaunchSpec.Builder validBuilder() {
        return LaunchSpec.builder().name("llama-finetune").region("us-east-1").amiId("ami-0123456789abcdef0")
                .instanceType("g5.xlarge").dataBucket("my-datasets");
    }
}
