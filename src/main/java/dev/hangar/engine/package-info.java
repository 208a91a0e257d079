/** Builds the engine's services (journal, catalog, review, launch, monitor, instance actions) in one place for the command line and the window. */
/* May use: aws, catalog, journal, review, provision, monitor — never app, ui or cli, which sit above it. */
package dev.hangar.engine;
