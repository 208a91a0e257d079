/**
 * The entry point and composition root: wires everything by constructor.
 */
@MayUse({MayUse.ALL})
package dev.hangar.app;

import dev.hangar.MayUse;
