/**
 * Renders a blueprint as code (Terraform, Pulumi, CloudFormation) and the evidence report.
 */
@MayUse({"spec", "blueprint", "checklist", "preflight"})
package dev.hangar.export;

import dev.hangar.MayUse;
