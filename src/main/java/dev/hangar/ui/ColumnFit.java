package dev.hangar.ui;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table's columns at least as wide as their header and their longest cell text, so that no word ends in "…":
 * a table too narrow for them scrolls sideways instead (a constrained resize policy has no horizontal scroll bar, so
 * the table's own policy applies only while the columns fit).
 */
public final class ColumnFit {

    private static final String TEXT = "hangar.column-fit.text";
    private static final String DECLARED_MIN = "hangar.column-fit.declared-min";
    /** hangar.css's text size; bold, so that a bold status cell and the bold header fit too. */
    private static final Font FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    /** Modena's cell padding (0.58 em each side) and the row's border. */
    private static final double CELL_PADDING = 18;
    /** The header label's padding and room for the sort arrow. */
    private static final double HEADER_PADDING = 28;
    /** Room for the vertical scroll bar and the table's border. */
    private static final double SCROLL_BAR = 20;

    private ColumnFit() {
    }

    /** Says what text the column shows for a row; {@link #install} then keeps it wide enough for it. */
    public static <S> void showsText(TableColumnBase<S, ?> column, Function<S, String> text) {
        column.getProperties().put(TEXT, text);
        column.getProperties().put(DECLARED_MIN, column.getMinWidth());
    }

    /** Fits the columns now and whenever the rows change (a column only grows: a refresh never makes them jump back). */
    public static <S> void install(TableView<S> table) {
        var declared = table.getColumnResizePolicy();
        double[] needed = {0};
        Runnable policy = () -> table.setColumnResizePolicy(needed[0] > table.getWidth() ? TableView.UNCONSTRAINED_RESIZE_POLICY : declared);
        // Measured when the rows change, not on every width the layout passes through.
        Runnable refit = () -> {
            needed[0] = fit(table.getColumns(), table.getItems()) + SCROLL_BAR;
            policy.run();
        };
        table.widthProperty().addListener((obs, old, now) -> policy.run());
        ListChangeListener<S> rowsChanged = change -> refit.run();
        table.getItems().addListener(rowsChanged);
        table.itemsProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(rowsChanged);
            }
            if (now != null) {
                now.addListener(rowsChanged);
            }
            refit.run();
        });
        refit.run();
    }

    @SuppressWarnings("unchecked")
    private static <S> double fit(List<? extends TableColumn<S, ?>> columns, List<S> rows) {
        double total = 0;
        for (TableColumn<S, ?> column : columns) {
            double header = width(column.getText()) + HEADER_PADDING;
            double min;
            if (column.getColumns().isEmpty()) {
                min = header;
                Object text = column.getProperties().get(TEXT);
                if (text instanceof Function<?, ?> f) {
                    for (S row : rows) {
                        min = Math.max(min, width(((Function<S, String>) f).apply(row)) + CELL_PADDING);
                    }
                }
                if (column.getProperties().get(DECLARED_MIN) instanceof Double declared) {
                    min = Math.max(min, declared);
                }
                min = Math.max(min, column.getMinWidth());
                column.setMinWidth(Math.ceil(min));
                if (column.getPrefWidth() < min) {
                    column.setPrefWidth(Math.ceil(min));
                }
            } else {
                min = fit(column.getColumns(), rows);
                if (min < header) { // a group header wider than its columns: the last one takes the difference
                    TableColumn<S, ?> last = column.getColumns().get(column.getColumns().size() - 1);
                    last.setMinWidth(Math.ceil(last.getMinWidth() + header - min));
                    min = header;
                }
            }
            total += min;
        }
        return total;
    }

    /** Widths measured so far (a table's rows repeat their words: GPU names, zones, numbers); FX thread only. */
    private static final java.util.Map<String, Double> WIDTHS = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Double> eldest) {
            return size() > 4096;
        }
    };
    private static final Text MEASURE = new Text();

    static double width(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        return WIDTHS.computeIfAbsent(s, text -> {
            MEASURE.setFont(FONT);
            MEASURE.setText(text);
            return MEASURE.getLayoutBounds().getWidth();
        });
    }
}
