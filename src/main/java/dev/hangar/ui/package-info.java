/**
 * The JavaFX desktop: wizard steps (one FXML and one controller each), the monitor window, shared bindings.
 */
@MayUse({"aws", "auth", "blueprint", "catalog", "checklist", "connect", "engine", "export", "files", "journal", "monitor", "preflight", "provision", "review", "spec"})
package dev.hangar.ui;

import dev.hangar.MayUse;
