/**
 * Live state of launches: status, metrics, cost so far, instance actions, drift of live state from the blueprint.
 */
@MayUse({"aws", "journal", "blueprint", "checklist", "catalog", "provision", "spec"})
package dev.hangar.monitor;

import dev.hangar.MayUse;
