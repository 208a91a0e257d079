package dev.hangar.blueprint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * systemd's own reading of an EnvironmentFile (parse_env_file_internal in src/basic/env-file.c, v256), ported state for
 * state, so a test can prove that what Hangar writes is what the run's processes receive.
 */
final class SystemdEnvironmentFileParser {

    private enum State { PRE_KEY, KEY, PRE_VALUE, VALUE, VALUE_ESCAPE, SINGLE_QUOTE, DOUBLE_QUOTE, DOUBLE_QUOTE_ESCAPE, COMMENT }

    private static final String WHITESPACE = " \t\n\r";
    private static final String NEWLINE = "\n\r";
    private static final String SHELL_NEED_ESCAPE = "\"\\`$";

    private SystemdEnvironmentFileParser() {
    }

    static Map<String, String> parse(String contents) {
        Map<String, String> env = new LinkedHashMap<>();
        State state = State.PRE_KEY;
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        int lastValueWhitespace = -1;
        for (char c : (contents + "\n").toCharArray()) {
            switch (state) {
                case PRE_KEY -> {
                    if (c == '#' || c == ';') {
                        state = State.COMMENT;
                    } else if (WHITESPACE.indexOf(c) < 0) {
                        state = State.KEY;
                        key.setLength(0);
                        key.append(c);
                    }
                }
                case KEY -> {
                    if (NEWLINE.indexOf(c) >= 0) {
                        state = State.PRE_KEY;
                    } else if (c == '=') {
                        state = State.PRE_VALUE;
                        value.setLength(0);
                        lastValueWhitespace = -1;
                    } else {
                        key.append(c);
                    }
                }
                case PRE_VALUE -> {
                    if (NEWLINE.indexOf(c) >= 0) {
                        env.put(key.toString().strip(), value.toString());
                        state = State.PRE_KEY;
                    } else if (c == '\'') {
                        state = State.SINGLE_QUOTE;
                    } else if (c == '"') {
                        state = State.DOUBLE_QUOTE;
                    } else if (c == '\\') {
                        state = State.VALUE_ESCAPE;
                    } else if (WHITESPACE.indexOf(c) < 0) {
                        state = State.VALUE;
                        value.append(c);
                    }
                }
                case VALUE -> {
                    if (NEWLINE.indexOf(c) >= 0) {
                        env.put(key.toString().strip(), lastValueWhitespace >= 0 ? value.substring(0, lastValueWhitespace) : value.toString());
                        state = State.PRE_KEY;
                    } else if (c == '\\') {
                        state = State.VALUE_ESCAPE;
                        lastValueWhitespace = -1;
                    } else {
                        if (WHITESPACE.indexOf(c) < 0) {
                            lastValueWhitespace = -1;
                        } else if (lastValueWhitespace < 0) {
                            lastValueWhitespace = value.length();
                        }
                        value.append(c);
                    }
                }
                case VALUE_ESCAPE -> {
                    state = State.VALUE;
                    if (NEWLINE.indexOf(c) < 0) {
                        value.append(c);
                    }
                }
                case SINGLE_QUOTE -> {
                    if (c == '\'') {
                        state = State.PRE_VALUE;
                    } else {
                        value.append(c);
                    }
                }
                case DOUBLE_QUOTE -> {
                    if (c == '"') {
                        state = State.PRE_VALUE;
                    } else if (c == '\\') {
                        state = State.DOUBLE_QUOTE_ESCAPE;
                    } else {
                        value.append(c);
                    }
                }
                case DOUBLE_QUOTE_ESCAPE -> {
                    state = State.DOUBLE_QUOTE;
                    if (SHELL_NEED_ESCAPE.indexOf(c) >= 0) {
                        value.append(c);
                    } else if (c != '\n') {
                        value.append('\\').append(c);
                    }
                }
                case COMMENT -> {
                    if (NEWLINE.indexOf(c) >= 0) {
                        state = State.PRE_KEY;
                    }
                }
            }
        }
        return env;
    }
}
