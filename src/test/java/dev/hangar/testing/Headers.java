package dev.hangar.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP header fields in arrival order; names compare case-insensitively, as HTTP says. */
final class Headers {

    record Field(String name, String value) {}

    private final List<Field> fields = new ArrayList<>();

    Headers add(String name, String value) {
        fields.add(new Field(name, value));
        return this;
    }

    Headers set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    Headers remove(String name) {
        fields.removeIf(f -> f.name().equalsIgnoreCase(name));
        return this;
    }

    String first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    boolean has(String name, String value) {
        String v = first(name);
        return v != null && v.trim().equalsIgnoreCase(value);
    }

    List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    Headers copy() {
        Headers h = new Headers();
        h.fields.addAll(fields);
        return h;
    }

    /** Lower-cased names to their values, for {@link RecordedRequest}. */
    Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Field f : fields) {
            map.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.value());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(map);
    }
}
