/**
 * Executes a blueprint: the plan (a graph of steps), the executor (parallel, retries, zone failover), rollback,
 * destroy and sweep; and Hangar's shared network per region as it stands (inventory, what uses it, its removal).
 */
@MayUse({"aws", "journal", "blueprint", "spec"})
package dev.hangar.provision;

import dev.hangar.MayUse;
