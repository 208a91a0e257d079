package dev.hangar.ui.wizard;

import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.QuotaHeadroom.Headroom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The GPU type table's rows, filter and source line; no window needed to test it. */
final class InstanceTypeViewModel {

    private final ObservableList<GpuTypeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<GpuTypeRow> filtered = new FilteredList<>(rows);
    private final SortedList<GpuTypeRow> sorted = new SortedList<>(filtered);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    /** Every row of the catalog shown; {@link #rows()}' source holds the first of them: see {@link #show(GpuCatalog, Map, int)}. */
    private List<GpuTypeRow> all = List.of();

    InstanceTypeViewModel() {
        filter.addListener((obs, old, text) -> applyFilter(text));
    }

    /** The rows as shown: filtered, then sorted by the table's comparator once bound to it. */
    SortedList<GpuTypeRow> rows() {
        return sorted;
    }

    StringProperty filterProperty() {
        return filter;
    }

    StringProperty sourceProperty() {
        return source;
    }

    /** Cheapest first, unknown prices last: a researcher usually wants the smallest machine that fits. */
    void show(GpuCatalog catalog, Map<String, Headroom> headroomByFamily) {
        show(catalog, headroomByFamily, Integer.MAX_VALUE);
    }

    /**
     * Shows the first {@code first} rows (cheapest first); {@link #showMore} adds the rest. A table makes and styles
     * the cells of every row it shows at once: for a screenful of GPU types, ~100 ms of the FX thread in one frame.
     */
    void show(GpuCatalog catalog, Map<String, Headroom> headroomByFamily, int first) {
        List<GpuTypeRow> list = catalog.offers().stream()
                .map(o -> new GpuTypeRow(o, headroomByFamily.get(o.type().family())))
                .sorted(java.util.Comparator.comparing(GpuTypeRow::pricePerHour, java.util.Comparator.nullsLast(Double::compare))
                        .thenComparing(GpuTypeRow::name, dev.hangar.catalog.InstanceTypeOrder.INSTANCE))
                .toList();
        all = list;
        rows.setAll(list.subList(0, Math.min(first, list.size())));
        source.set(list.size() + " GPU types in " + catalog.region() + " · " + describe(catalog) + bundledPrices(list)
                + (headroomByFamily.isEmpty() ? " · quota headroom unknown" : ""));
    }

    /** Adds up to {@code count} more of the rows {@link #show(GpuCatalog, Map, int)} held back; true when all are shown. */
    boolean showMore(int count) {
        int to = (int) Math.min((long) rows.size() + count, all.size());
        rows.addAll(all.subList(rows.size(), to));
        return to == all.size();
    }

    /** How many rows are shown so far, before the filter. */
    int shownCount() {
        return rows.size();
    }

    /** Says when AWS's Pricing API did not answer and some prices are the bundled, dated ones. */
    private static String bundledPrices(List<GpuTypeRow> list) {
        List<String> notes = list.stream().map(r -> r.offer().priceNote()).filter(java.util.Objects::nonNull).distinct().toList();
        long count = list.stream().filter(r -> r.offer().priceNote() != null).count();
        return notes.isEmpty() ? "" : " · " + count + " " + String.join(", ", notes);
    }

    private static String describe(GpuCatalog catalog) {
        return switch (catalog.source()) {
            case "live" -> "read from AWS just now";
            case "cache" -> "from the cache of " + catalog.fetchedAt().toString().substring(0, 10);
            default -> catalog.source().startsWith("snapshot of ") ? "the offline copy bundled with Hangar" : catalog.source();
        };
    }

    /** Every word must match the type name, the GPU model, or "24gb" as a minimum memory per GPU. */
    private void applyFilter(String text) {
        String[] tokens = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<String> words = Arrays.stream(tokens).filter(t -> !t.isEmpty()).toList();
        filtered.setPredicate(words.isEmpty() ? null : row -> words.stream().allMatch(row::matches));
    }

    GpuTypeRow find(String instanceType) {
        return all.stream().filter(r -> r.name().equals(instanceType)).findFirst().orElse(null);
    }
}
