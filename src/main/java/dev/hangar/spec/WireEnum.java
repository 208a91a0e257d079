package dev.hangar.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum of the launch spec whose JSON form is {@link #wireName()}, not its Java constant name. */
public interface WireEnum {

    /** The value as written in launch spec JSON, e.g. {@code "read-only"}. */
    String wireName();

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
