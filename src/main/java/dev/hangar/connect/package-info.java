/**
 * Reaching a launched instance with no open port: Session Manager sessions (shell, port forwarding) through AWS's
 * session-manager-plugin, as the AWS CLI runs it; and SSH over Session Manager with a fresh key pushed through EC2
 * Instance Connect for each connection (the ssh-config Host entry, its ProxyCommand, the user's ssh config).
 */
@MayUse({"aws", "journal", "spec", "files"})
package dev.hangar.connect;

import dev.hangar.MayUse;
