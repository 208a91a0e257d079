package dev.hangar.ui;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Puts text on the clipboard and says so on the button that did it: "Copied" for a moment, then the button's own
 * text again. Without it a click on Copy looks like nothing happened.
 */
public final class CopyFeedback {

    public static final String COPIED = "Copied";
    private static final Duration SHOWN_FOR = Duration.seconds(1.5);
    private static final String ORIGINAL_TEXT = "hangar.copy.originalText";

    private CopyFeedback() {
    }

    /** UI thread. Blank text is not copied (the clipboard keeps what it had), and the button says nothing. */
    public static void copy(Button button, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        flash(button);
    }

    /** Shows "Copied" on the button; a second click while it shows only starts the moment again. */
    public static void flash(Button button) {
        Object original = button.getProperties().computeIfAbsent(ORIGINAL_TEXT, k -> button.getText());
        // Neither shrinks nor jumps: the button keeps at least the width it had.
        button.setMinWidth(Math.max(button.getMinWidth(), button.getWidth()));
        button.setText(COPIED);
        PauseTransition back = (PauseTransition) button.getProperties().computeIfAbsent(PauseTransition.class, k -> new PauseTransition(SHOWN_FOR));
        back.setOnFinished(e -> {
            button.setText((String) original);
            button.getProperties().remove(ORIGINAL_TEXT);
        });
        back.playFromStart();
    }
}
