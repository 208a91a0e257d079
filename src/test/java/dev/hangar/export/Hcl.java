package dev.hangar.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the HCL the Terraform exporter writes: blocks, attributes, strings (escapes, and
 * template sequences kept apart from literal text), heredocs, numbers, booleans, references, calls, lists
 * and objects. Anything else, or anything unbalanced, throws.
 */
public final class Hcl {

    public record Block(String type, List<String> labels, Body body) {
    }

    public record Body(Map<String, Object> attributes, List<Block> blocks) {
        public Object attr(String name) {
            if (!attributes.containsKey(name)) {
                throw new AssertionError("no attribute " + name + " in " + attributes.keySet());
            }
            return attributes.get(name);
        }

        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }

        public Block block(String type, String... labels) {
            return blocks.stream().filter(b -> b.type().equals(type) && b.labels().equals(List.of(labels))).findFirst()
                    .orElseThrow(() -> new AssertionError("no block " + type + " " + List.of(labels)));
        }
    }

    /** A reference such as {@code aws_instance.gpu.id}. */
    public record Ref(String path) {
    }

    public record Call(String name, List<Object> args) {
    }

    /** A string with template sequences; {@code source} is the text between the quotes. */
    public record Template(String source) {
    }

    enum Null { NULL }

    private final String src;
    private int pos;

    private Hcl(String src) {
        this.src = src;
    }

    public static Body parse(String source) {
        Hcl p = new Hcl(source);
        Body body = p.body(false);
        p.skipBlankLines();
        if (p.pos != p.src.length()) {
            throw p.error("unexpected text");
        }
        return body;
    }

    private Body body(boolean nested) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipBlankLines();
            if (pos >= src.length()) {
                if (nested) {
                    throw error("missing '}'");
                }
                return new Body(attrs, blocks);
            }
            if (peek() == '}') {
                if (!nested) {
                    throw error("unbalanced '}'");
                }
                pos++;
                endOfLine();
                return new Body(attrs, blocks);
            }
            String name = identifier();
            spaces();
            if (peek() == '=') {
                pos++;
                spaces();
                if (attrs.put(name, expression()) != null) {
                    throw error("attribute " + name + " set twice");
                }
                endOfLine();
            } else {
                List<String> labels = new ArrayList<>();
                while (peek() == '"') {
                    Object label = string();
                    if (!(label instanceof String s)) {
                        throw error("a label cannot hold a template");
                    }
                    labels.add(s);
                    spaces();
                }
                expect('{');
                endOfLine();
                blocks.add(new Block(name, labels, body(true)));
            }
        }
    }

    private Object expression() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (src.startsWith("<<", pos)) {
            return heredoc();
        }
        if (c == '[') {
            return list();
        }
        if (c == '{') {
            return object();
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < src.length() && (Character.isDigit(peek()) || peek() == '.')) {
                pos++;
            }
            return new BigDecimal(src.substring(start, pos));
        }
        String name = identifier();
        switch (name) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null": return Null.NULL;
            default: break;
        }
        if (peek() == '(') {
            pos++;
            List<Object> args = new ArrayList<>();
            skipWhitespace();
            while (peek() != ')') {
                args.add(expression());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                    skipWhitespace();
                }
            }
            pos++;
            return new Call(name, args);
        }
        StringBuilder path = new StringBuilder(name);
        while (peek() == '.') {
            pos++;
            path.append('.').append(identifier());
        }
        return new Ref(path.toString());
    }

    private List<Object> list() {
        expect('[');
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        while (peek() != ']') {
            items.add(expression());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                skipWhitespace();
            } else if (peek() != ']') {
                throw error("expected ',' or ']'");
            }
        }
        pos++;
        return items;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> entries = new LinkedHashMap<>();
        skipWhitespace();
        while (peek() != '}') {
            Object key = peek() == '"' ? string() : identifier();
            if (!(key instanceof String k)) {
                throw error("an object key cannot hold a template");
            }
            spaces();
            expect('=');
            spaces();
            if (entries.put(k, expression()) != null) {
                throw error("key " + k + " twice");
            }
            spaces();
            if (peek() == ',') {
                pos++;
            }
            skipWhitespace();
        }
        pos++;
        return entries;
    }

    /** A literal String, or a {@link Template} when an unescaped ${ or %{ appears. */
    private Object string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        int start = pos;
        boolean template = false;
        while (true) {
            if (pos >= src.length() || peek() == '\n') {
                throw error("unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u' -> { out.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 4), 16)); pos += 4; }
                    case 'U' -> { out.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 8), 16)); pos += 8; }
                    default -> throw error("unknown escape \\" + e);
                }
            } else if ((c == '$' || c == '%') && src.startsWith(c + "" + c + "{", pos - 1)) {
                out.append(c).append('{');
                pos += 2;
            } else if ((c == '$' || c == '%') && peek() == '{') {
                template = true;
                int depth = 0;
                do {
                    char t = src.charAt(pos++);
                    depth += t == '{' ? 1 : t == '}' ? -1 : 0;
                } while (depth > 0);
            } else {
                out.append(c);
            }
        }
        return template ? new Template(src.substring(start, pos - 1)) : out.toString();
    }

    private Object heredoc() {
        pos += 2;
        boolean indented = peek() == '-';
        if (indented) {
            pos++;
        }
        String marker = identifier();
        expect('\n');
        StringBuilder raw = new StringBuilder();
        while (true) {
            int eol = src.indexOf('\n', pos);
            if (eol < 0) {
                throw error("heredoc " + marker + " never ends");
            }
            String line = src.substring(pos, eol);
            pos = eol;
            if (line.strip().equals(marker)) {
                break;
            }
            raw.append(line).append('\n');
            pos++;
        }
        String text = raw.toString();
        if (text.replace("$${", "").contains("${") || text.replace("%%{", "").contains("%{")) {
            return new Template(text);
        }
        return text.replace("$${", "${").replace("%%{", "%{");
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return src.substring(start, pos);
    }

    private void endOfLine() {
        spaces();
        if (pos < src.length()) {
            expect('\n');
        }
    }

    private void skipBlankLines() {
        while (pos < src.length()) {
            spaces();
            if (peek() == '#') {
                pos = src.indexOf('\n', pos) < 0 ? src.length() : src.indexOf('\n', pos) + 1;
            } else if (peek() == '\n') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private void spaces() {
        while (pos < src.length() && peek() == ' ') {
            pos++;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private IllegalArgumentException error(String message) {
        int line = (int) src.substring(0, Math.min(pos, src.length())).chars().filter(c -> c == '\n').count() + 1;
        return new IllegalArgumentException(message + " at line " + line + ": "
                + src.lines().skip(line - 1).findFirst().orElse(""));
    }
}
