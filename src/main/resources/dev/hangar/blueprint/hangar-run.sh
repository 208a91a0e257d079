#!/bin/bash
# hangar-run.service's ExecStart, run by systemd as the login user in the code folder with the run's environment
# (/etc/hangar/run.env): the code unpacked once, setup once, then the command. Markers on the data volume, per launch,
# make each step happen once across restarts, stops and starts: a kept volume reused by another launch starts afresh.
# Output is appended to /var/log/hangar/run.log and each change of state is one JSON line in state.log (both shipped
# to the launch's log group): {"state":"setting-up|running|succeeded|failed","exitCode":N or null,"time":"ISO-8601"}.
# Usage: hangar-run.sh <launch id> <archive|s3|none>. HANGAR_ROOT prefixes every path (tests only).
set -u
root="${HANGAR_ROOT:-}"
launch=$1
code=$2
logs="$root/var/log/hangar"
markers="$root/mnt/data/.hangar/$launch"
code_dir="$root/mnt/data/code"
# A failing setup or command is tried this many times in all (systemd restarts it); then the run has failed.
attempts=3
# The exit code that tells systemd not to restart (RestartPreventExitStatus in the unit).
given_up=100
exec >>"$logs/run.log" 2>&1

# state NAME EXIT-CODE [REASON]: a reason only when the run ended before its command could start.
state() {
  printf '{"state":"%s","exitCode":%s,"time":"%s"%s}\n' "$1" "$2" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${3:+,\"reason\":\"$3\"}" \
    >>"$logs/state.log"
}

# The run cannot go on (no code): failed for good, with the reason, and no retry.
ended_early() {
  echo "hangar: $1"
  echo 1 >"$markers/failed"
  state failed null "$1"
  exit "$given_up"
}

# A stop (systemctl stop, shutdown, a spot interruption) is not a failure: the step is told to stop, and its exit is not
# counted. The step runs in the background so the TERM is handled at once rather than after it ends.
stopping=0
child=""
trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM

# Runs a step as a login shell (the PATH a person gets: conda, CUDA, ~/.local/bin) and returns its exit code.
run_step() {
  local rc
  bash --login "$1" &
  child=$!
  wait "$child"
  rc=$?
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    rc=$?
  done
  child=""
  if [ "$stopping" = 1 ]; then
    echo "hangar: stopped during the $2; it starts again with the machine"
    exit 143
  fi
  return "$rc"
}

# A failed step: systemd tries it again, until the last attempt; then the run has failed for good.
failed() {
  local step=$1 rc=$2 count
  count=$(($(cat "$markers/$step-failures" 2>/dev/null || echo 0) + 1))
  echo "$count" >"$markers/$step-failures"
  if [ "$count" -lt "$attempts" ]; then
    echo "hangar: the $step exited with $rc (attempt $count of $attempts)"
    exit 1
  fi
  echo "hangar: the $step exited with $rc, $attempts times: the run failed"
  echo "$rc" >"$markers/failed"
  if [ "$step" = command ]; then echo "$rc" >"$markers/command-ended"; fi
  state failed "$rc"
  exit "$given_up"
}

mkdir -p "$markers"
if [ -e "$markers/command-ended" ] || [ -e "$markers/failed" ]; then
  echo "hangar: this run has ended; to run it again: sudo rm -r ${markers#"$root"} && sudo systemctl restart hangar-run"
  if [ -e "$markers/failed" ]; then exit "$given_up"; fi
  exit 0
fi

if [ ! -e "$markers/code-ready" ]; then
  case "$code" in
    archive) tar -xzf "$root/mnt/s3/hangar/$launch/code.tar.gz" -C "$code_dir" \
      || ended_early "the code archive /mnt/s3/hangar/$launch/code.tar.gz could not be unpacked" ;;
    s3) cp -R "$root/mnt/code-s3/." "$code_dir/" || ended_early "the code could not be copied from /mnt/code-s3" ;;
  esac
  touch "$markers/code-ready"
fi

if [ -s "$root/etc/hangar/run-setup.sh" ] && [ ! -e "$markers/setup-done" ]; then
  state setting-up null
  run_step "$root/etc/hangar/run-setup.sh" setup || failed setup $?
  touch "$markers/setup-done"
fi

state running null
run_step "$root/etc/hangar/run-command.sh" command || failed command $?
echo 0 >"$markers/command-ended"
state succeeded 0
exit 0
