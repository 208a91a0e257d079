/**
 * Reaching a launched instance with no open port: Session Manager sessions (shell, port forwarding) through AWS's
 * session-manager-plugin, as the AWS CLI runs it; and JupyterLab on the instance, started through Run Command and
 * opened in the browser through a port forward ({@link dev.hangar.connect.JupyterLauncher}).
 */
@MayUse({"aws"})
package dev.hangar.connect;

import dev.hangar.MayUse;
