#!/bin/bash
# Starts JupyterLab for 'hangar connect --jupyter'. Systems Manager runs it as root (AWS-RunShellScript); JupyterLab
# runs as the login user, bound to 127.0.0.1 only (reached through a Session Manager port forward, never an open
# port), with the token Hangar generated, as a transient systemd unit that outlives this command.
# Connecting again restarts it with the new token: only the Hangar that asked knows a token, and an old one may
# have been shown on another screen. Notebooks are files and stay; running kernels restart.
# Input, from the environment: HANGAR_JUPYTER_USER, HANGAR_JUPYTER_PORT, HANGAR_JUPYTER_TOKEN (checked below).
# The token is never printed: Systems Manager keeps this command's output, and shows it to whoever may read it.
# HANGAR_ROOT prefixes every path, so that a test can run this under a temporary root with stand-in tools.
# Exit codes: 0 listening; 2 bad input; 3 no JupyterLab and it could not be installed; 4 started but not listening;
# 5 systemd could not start it; 6 the port is taken by another program.
set -u
root="${HANGAR_ROOT:-}"
user="${HANGAR_JUPYTER_USER:-}"
port="${HANGAR_JUPYTER_PORT:-}"
token="${HANGAR_JUPYTER_TOKEN:-}"
wait_seconds=120

fail() {
  local code=$1
  shift
  echo "hangar-jupyter: $*" >&2
  exit "$code"
}

# Checked again here although Hangar checks them: these values end up in paths, a unit name and a service's
# environment.
[[ "$user" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || fail 2 "not a user name: '$user'"
if ! [[ "$port" =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then
  fail 2 "not a port: '$port'"
fi
[[ "$token" =~ ^[0-9a-f]{64,128}$ ]] || fail 2 "the token is not 64 to 128 hexadecimal digits"

home=$(getent passwd "$user" | cut -d: -f6)
[ -n "$home" ] || fail 2 "there is no user $user on this instance"
group=$(id -gn "$user") || fail 2 "user $user has no group"
home="$root$home"
unit="hangar-jupyter-$port"
log="$home/.hangar/jupyter-$port.log"
env_file="$root/run/$unit.env"

# Runs a command as the user, in their home (root's working directory here is not theirs to read).
as_user() {
  (cd "$home" && runuser -u "$user" -- env HOME="$home" "$@" </dev/null)
}

# Where JupyterLab is: the user's login PATH first (conda init, pyenv, ~/.local/bin: what they would run), then
# where the Deep Learning AMIs keep their environments.
find_jupyter() {
  local found candidate
  found=$(cd / && runuser -l "$user" -c 'command -v jupyter-lab' 2>/dev/null </dev/null | tail -n 1)
  if [ -n "$found" ] && [ -x "$root$found" ]; then
    echo "$root$found"
    return 0
  fi
  for candidate in "$root"/opt/pytorch/bin/jupyter-lab "$root"/opt/conda/envs/*/bin/jupyter-lab \
    "$root"/opt/conda/bin/jupyter-lab "$home"/.local/bin/jupyter-lab "$home"/anaconda3/envs/*/bin/jupyter-lab \
    "$home"/anaconda3/bin/jupyter-lab "$root"/usr/local/bin/jupyter-lab "$root"/usr/bin/jupyter-lab; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

install_jupyter() {
  local out
  echo "JupyterLab is not installed: installing it for $user with pip install --user (a minute or two)"
  if ! out=$(as_user python3 -m pip install --user --quiet --disable-pip-version-check jupyterlab 2>&1); then
    if grep -q externally-managed-environment <<<"$out"; then
      # Ubuntu 24.04's Python refuses pip outside a virtual environment (PEP 668); a --user install leaves the
      # system's own packages alone.
      out=$(as_user python3 -m pip install --user --quiet --disable-pip-version-check --break-system-packages jupyterlab 2>&1) || out="failed: $out"
    else
      out="failed: $out"
    fi
  fi
  if [ -x "$home/.local/bin/jupyter-lab" ]; then
    return 0
  fi
  if ! curl -fsS -o /dev/null --max-time 10 https://pypi.org/simple/ 2>/dev/null; then
    fail 3 "JupyterLab is not installed and cannot be: this instance cannot reach pypi.org (no internet access, as on" \
      "an isolated network). Use an image that has JupyterLab (a Deep Learning AMI) or a network with internet access."
  fi
  fail 3 "JupyterLab is not installed and pip could not install it: $(tail -n 5 <<<"$out")"
}

listening() {
  ss -Hltn "sport = :$port" 2>/dev/null | grep -q .
}

# The end of JupyterLab's log, read as the user (never follow their files as root), with the token masked: Jupyter
# prints its URL, token included, when it starts.
log_tail() {
  local line
  as_user tail -n 20 "$log" 2>/dev/null | while IFS= read -r line; do
    echo "  ${line//$token/<token>}"
  done
}

if systemctl is-active --quiet "$unit"; then
  echo "JupyterLab was running on port $port: restarting it with the new token (running kernels restart too)"
  systemctl stop "$unit"
fi
# A failed unit of the same name would keep systemd-run from starting a new one.
systemctl reset-failed "$unit" >/dev/null 2>&1
if listening; then
  fail 6 "port $port is taken on the instance by another program; choose another: --forward OTHER[:LOCAL]"
fi

jupyter=$(find_jupyter) || { install_jupyter && jupyter=$(find_jupyter); } || fail 3 "JupyterLab was installed but cannot be found"
echo "starting $jupyter as $user on 127.0.0.1:$port"

# The token reaches JupyterLab through an environment file only root can read, so that it is in no command line
# (ps) and no unit property (systemctl show); systemd reads the file when the unit starts, and it is removed then.
mkdir -p "$root/run"
(umask 077 && printf 'JUPYTER_TOKEN=%s\n' "$token" >"$env_file")
# The log is created by the user's own shell (umask 077: it will hold the tokenised URL), never by root in their home.
# shellcheck disable=SC2016 # expanded by that shell, not this one
systemd-run --unit="$unit" --description="JupyterLab for hangar connect --jupyter" --uid="$user" --gid="$group" \
  --property=EnvironmentFile="$env_file" --property=WorkingDirectory="$home" --setenv=HOME="$home" \
  --setenv=PATH="${jupyter%/*}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  /bin/sh -c 'log=$1; shift; (umask 077 && mkdir -p "${log%/*}" && : >>"$log") && exec "$@" >>"$log" 2>&1' \
  hangar-jupyter "$log" "$jupyter" --no-browser --ip=127.0.0.1 --port="$port" --port-retries=0 >/dev/null
started=$?
rm -f "$env_file"
[ "$started" -eq 0 ] || fail 5 "systemd-run could not start JupyterLab (systemctl status $unit)"

for _ in $(seq 1 "$wait_seconds"); do
  if listening; then
    echo "JupyterLab is listening on 127.0.0.1:$port (log: ${log#"$root"}, unit: $unit)"
    exit 0
  fi
  if ! systemctl is-active --quiet "$unit"; then
    echo "JupyterLab stopped before it listened on port $port; the end of ${log#"$root"}:" >&2
    log_tail >&2
    exit 4
  fi
  sleep 1
done
echo "JupyterLab did not listen on 127.0.0.1:$port within $wait_seconds s; the end of ${log#"$root"}:" >&2
log_tail >&2
exit 4
