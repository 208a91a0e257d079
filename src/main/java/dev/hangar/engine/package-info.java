/**
 * Builds the engine's services (journal, catalog, review, launch, monitor, instance actions) in one place for the
 * command line and the window.
 */
@MayUse({"aws", "catalog", "journal", "review", "provision", "monitor"})
package dev.hangar.engine;

import dev.hangar.MayUse;
