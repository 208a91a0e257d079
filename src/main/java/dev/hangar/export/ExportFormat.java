package dev.hangar.export;

import java.util.Arrays;

/** What an export can be; the wire name is the CLI's --format value. */
public enum ExportFormat {
    TERRAFORM("terraform", "main.tf"),
    PULUMI("pulumi", "__main__.py"),
    CLOUDFORMATION("cloudformation", "template.yaml"),
    PARALLELCLUSTER("parallelcluster", "cluster-config.yaml"),
    EVIDENCE_JSON("evidence-json", "hangar-evidence.json"),
    EVIDENCE_HTML("evidence-html", "hangar-evidence.html");

    private final String wireName;
    private final String defaultFileName;

    ExportFormat(String wireName, String defaultFileName) {
        this.wireName = wireName;
        this.defaultFileName = defaultFileName;
    }

    public String wireName() {
        return wireName;
    }

    /** The file name tools expect, e.g. {@code __main__.py} for a Pulumi Python program. */
    public String defaultFileName() {
        return defaultFileName;
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static ExportFormat fromWire(String wire) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + wire + "\" is not one of "
                        + String.join(", ", Arrays.stream(values()).map(ExportFormat::wireName).toList())));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
