package dev.hangar.export;

/** Writes one export format. Pure: the same input gives the same text, and nothing is read from AWS. */
public interface Exporter {

    ExportFormat format();

    /** The whole document, ending in a newline. */
    String export(ExportInput input);
}
