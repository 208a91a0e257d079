/**
 * The resolved stack a spec describes (names, tags, IAM documents, security-group rules, instance, volume,
 * alarm, first-boot script), computed once; what an AWS error means; the version.
 */
@MayUse({"spec"})
package dev.hangar.blueprint;

import dev.hangar.MayUse;
