/**
 * The launch spec: the immutable record, its JSON form and its validation with field paths.
 */
@MayUse({})
package dev.hangar.spec;

import dev.hangar.MayUse;
