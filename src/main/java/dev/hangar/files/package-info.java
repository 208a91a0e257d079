/**
 * Writing files so that a crash or a full disk leaves either the old or the new version, whole: {@link dev.hangar.files.AtomicFiles}.
 * The lowest layer: it uses nothing but the JDK, and every other package may use it.
 */
@MayUse({})
package dev.hangar.files;

import dev.hangar.MayUse;
