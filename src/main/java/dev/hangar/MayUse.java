package dev.hangar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layer table in code: on each top-level package's {@code package-info.java}, the other top-level packages of
 * Hangar it may use. ArchitectureTest enforces it; a package without it fails the build.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface MayUse {

    /** Top-level package names under {@code dev.hangar}, e.g. {@code "spec"}; {@link #ALL} for every one. */
    String[] value();

    /** Every other package (the composition root). */
    String ALL = "*";
}
