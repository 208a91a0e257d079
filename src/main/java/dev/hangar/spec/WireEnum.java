package dev.hangar.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum of the launch spec whose JSON form is {@link #wireName()}, not its Java constant name. Every Jackson
 * mapper writes that name ({@code @JsonValue} here is inherited); each enum reads it back with a
 * {@code @JsonCreator fromWire} that calls {@link #fromWire(Class, String)}, for one error message.
 */
public interface WireEnum {

    /** Must be an enum's: the default wire name is its constant's name. */
    String name();

    /**
     * The value as written in launch spec JSON: the constant's name in lower case with '-' for '_', e.g.
     * {@code READ_ONLY} is {@code "read-only"}. Renaming a constant changes the spec format.
     */
    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant whose wire name is {@code wire} (exact, case-sensitive), if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> lookup(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wire)).findFirst();
    }

    /** The wire names of {@code type}, comma separated, for messages: {@code "read-only, read-write"}. */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).collect(Collectors.joining(", "));
    }

    /** Shared body of each enum's {@code fromWire}. */
    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String wire) {
        return lookup(type, wire).orElseThrow(() -> new IllegalArgumentException(
                Show.quote(wire) + " is not one of " + allowed(type)));
    }
}
