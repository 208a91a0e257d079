/**
 * Reaching a launched instance with no open port: Session Manager sessions (shell, port forwarding) through AWS's
 * session-manager-plugin, as the AWS CLI runs it; whether Session Manager can reach an instance yet; and opening the
 * system's terminal window running {@code hangar connect}.
 */
@MayUse({"aws", "spec"})
package dev.hangar.connect;

import dev.hangar.MayUse;
