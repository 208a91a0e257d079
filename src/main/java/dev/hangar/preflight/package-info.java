/**
 * Checks against the account before a launch: DryRun, offerings, quotas, account and bucket facts.
 */
@MayUse({"aws", "catalog", "checklist", "spec", "blueprint"})
package dev.hangar.preflight;

import dev.hangar.MayUse;
