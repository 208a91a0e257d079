package dev.hangar.provision;

/**
 * A typed value one step of a launch finds or creates and later steps read: the key, with the value's type
 * in its signature, so a step cannot read a security group ID where it expects an instance.
 *
 * @param name what the value is, for messages: "security group ID"
 */
public record Fact<T>(String name, Class<? super T> type) {

    public static <T> Fact<T> of(String name, Class<? super T> type) {
        return new Fact<>(name, type);
    }

    @Override
    public String toString() {
        return name;
    }
}
