package dev.hangar.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Writes a JSON tree as block-style YAML that any YAML 1.1 or 1.2 parser reads back as the same tree:
 * every string double-quoted (so "yes", "1e3" or ": x" stay strings), multi-line text as a literal block
 * when it can be, keys plain only when plain is unambiguous (Jackson quotes "yes", "null" and the like).
 */
final class YamlWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().dumperOptions(dumperOptions()).build()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private YamlWriter() {
    }

    static String write(JsonNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen: a tree of strings, numbers and booleans
        }
    }

    /**
     * Blocks indented by two, list items indented under their key, no line folding, and every character
     * outside ASCII escaped: invisible ones (a right-to-left override, a line separator) may not stand raw
     * in the template, and SnakeYAML escapes no more than what YAML forbids unless it escapes them all.
     */
    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setAllowUnicode(false);
        return options;
    }
}
