/**
 * Reaching a launched instance with no open port: Session Manager sessions (shell, port forwarding) through AWS's
 * session-manager-plugin, as the AWS CLI runs it.
 */
@MayUse({"aws"})
package dev.hangar.connect;

import dev.hangar.MayUse;
