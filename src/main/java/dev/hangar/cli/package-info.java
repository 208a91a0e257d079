/**
 * The headless command line: picocli commands on the engine.
 */
@MayUse({"aws", "auth", "blueprint", "catalog", "checklist", "connect", "engine", "export", "files", "journal", "monitor", "preflight", "provision", "review", "spec"})
package dev.hangar.cli;

import dev.hangar.MayUse;
