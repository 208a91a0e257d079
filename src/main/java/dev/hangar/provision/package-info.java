/**
 * Executes a blueprint: the plan (a graph of steps), the executor (parallel, retries, zone failover), rollback,
 * destroy and sweep.
 */
@MayUse({"aws", "journal", "blueprint", "spec"})
package dev.hangar.provision;

import dev.hangar.MayUse;
