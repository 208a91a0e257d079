/**
 * The security checklist: rules that judge a blueprint and account facts, with control IDs and fixes.
 */
@MayUse({"spec", "blueprint"})
package dev.hangar.checklist;

import dev.hangar.MayUse;
