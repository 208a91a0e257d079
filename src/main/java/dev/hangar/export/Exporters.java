package dev.hangar.export;

/** The exporter of each format. */
public final class Exporters {

    private Exporters() {
    }

    public static Exporter of(ExportFormat format) {
        return switch (format) {
            case TERRAFORM -> new TerraformExporter();
            case PULUMI -> new PulumiExporter();
            case CLOUDFORMATION -> new CloudFormationExporter();
            case PARALLELCLUSTER -> new ParallelClusterExporter();
            case EVIDENCE_JSON -> new EvidenceJsonExporter();
            case EVIDENCE_HTML -> new EvidenceHtmlExporter();
        };
    }

    public static String export(ExportFormat format, ExportInput input) {
        return of(format).export(input);
    }
}
