package dev.hangar.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;

/** The evidence report as JSON, for tools and archives. */
public final class EvidenceJsonExporter implements Exporter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public ExportFormat format() {
        return ExportFormat.EVIDENCE_JSON;
    }

    @Override
    public String export(ExportInput input) {
        Evidence evidence = input.evidence() != null ? input.evidence() : Evidence.offline(input.stack().spec(), Clock.systemUTC());
        try {
            return Text.jsonWithVisibleEscapes(JSON.writeValueAsString(EvidenceTree.of(input.stack(), evidence))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }
}
