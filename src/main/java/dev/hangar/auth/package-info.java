/**
 * Signing in: profiles from ~/.aws/config, IAM Identity Center device login, credential sessions.
 */
@MayUse({"aws", "files"})
package dev.hangar.auth;

import dev.hangar.MayUse;
