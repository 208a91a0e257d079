package dev.hangar.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command prefix a person wrote in an environment variable into words: at spaces, with single or double
 * quotes grouping a word that holds spaces (a terminal in "/Applications/My Term/bin"). No variables, no escapes.
 */
final class PrefixWords {

    private PrefixWords() {
    }

    /** @throws IllegalArgumentException for an unclosed quote, or no word at all */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + quote + " quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("it names no program");
        }
        return words;
    }
}
