/**
 * The crash-safe record of every launch and every resource it created, written atomically.
 */
@MayUse({"spec", "files"})
package dev.hangar.journal;

import dev.hangar.MayUse;
