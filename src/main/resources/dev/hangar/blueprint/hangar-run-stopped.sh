#!/bin/bash
# hangar-run.service's stop hook (ExecStopPost, as root) when the run has stopWhenDone: once the command has ended on
# its own, successful or failed for good, the machine stops itself (InstanceInitiatedShutdownBehavior=stop keeps the
# disks). It does nothing when the unit was stopped by hand or by a shutdown, while setup or the command is only being
# retried, or when setup failed for good (the machine stays up for a look; idle stop remains the backstop). Once per
# run: a person who starts the machine again afterwards keeps it.
# Usage: hangar-run-stopped.sh <launch id>. HANGAR_ROOT prefixes every path (tests only).
set -u
root="${HANGAR_ROOT:-}"
markers="$root/mnt/data/.hangar/$1"
if [ ! -e "$markers/command-ended" ] || [ -e "$markers/machine-stopped" ]; then
  exit 0
fi
date -u +%Y-%m-%dT%H:%M:%SZ >"$markers/machine-stopped"
echo "hangar: the command has ended: stopping the machine (stopWhenDone)" >>"$root/var/log/hangar/run.log"
shutdown -h now
