/**
 * Signing in: profiles from ~/.aws/config, IAM Identity Center device login, credential sessions.
 */
@MayUse({"aws"})
package dev.hangar.auth;

import dev.hangar.MayUse;
