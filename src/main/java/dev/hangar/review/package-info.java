/**
 * The review before a launch: preflight, checklist, plan and cost of one spec, and its evidence.
 */
@MayUse({"aws", "blueprint", "catalog", "checklist", "export", "preflight", "provision", "spec"})
package dev.hangar.review;

import dev.hangar.MayUse;
