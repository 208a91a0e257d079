/**
 * Reaching a launched instance with no open port: Session Manager sessions (shell, port forwarding) through AWS's
 * session-manager-plugin, as the AWS CLI runs it; JupyterLab on the instance, started through Run Command and opened
 * in the browser through a port forward ({@link dev.hangar.connect.JupyterLauncher}); SSH over Session Manager with a
 * fresh key pushed through EC2 Instance Connect for each connection (the ssh-config Host entry, its ProxyCommand, the
 * user's ssh config); and the system terminal that runs {@code hangar connect} for the desktop app.
 */
@MayUse({"aws", "journal", "spec", "files"})
package dev.hangar.connect;

import dev.hangar.MayUse;
