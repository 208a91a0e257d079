# The run part of the first-boot script, for a launch with a run (spec field run). UserData renders it after
# first-boot.sh's functions (whose own three-line main it replaces) and after the run's parameters: launch_id, log_group,
# data_bucket, data_prefix, data_read_write, code_kind (archive, s3 or none), code_bucket, code_prefix, stop_when_done,
# with the run's files already written to /etc/hangar and /usr/local/lib/hangar.
# shellcheck disable=SC2154

run_logs="$root/var/log/hangar"
data_mount=/mnt/s3
code_mount=/mnt/code-s3

# Mountpoint for Amazon S3's signing key, by the fingerprint its installation guide gives.
mountpoint_key_fingerprint=673FE4061506BB469A0EF857BE397A52B086DA5A

# Before the command could start: said in the state stream (with a reason) and the run stream, for the monitor.
run_failed() {
  printf '{"state":"failed","exitCode":null,"time":"%s","reason":"%s"}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" \
    >>"$run_logs/state.log"
  echo "hangar: the run cannot start: $1" >>"$run_logs/run.log"
  echo "the run cannot start: $1"
}

# AWS's package from Mountpoint's release bucket (in us-east-1, by its regional address), for this system and processor,
# installed only when Mountpoint's key signed it (signed_by_aws, with that key in place of the agent's). An isolated
# network outside us-east-1 cannot reach that bucket: its S3 gateway endpoint carries only its own region.
install_mountpoint() {
  local platform kind arch bucket=https://mountpoint-s3-release.s3.us-east-1.amazonaws.com url work package
  if command -v mount-s3 >/dev/null; then return 0; fi
  if ! platform=$(agent_platform) || ! arch=$(agent_arch); then echo "no Mountpoint package for this system"; return 1; fi
  kind=${platform#* }
  if [ "$arch" = amd64 ]; then arch=x86_64; fi
  url="$bucket/latest/$arch/mount-s3.$kind"
  work=$(mktemp -d) || return 1
  package="$work/mount-s3.$kind"
  if fetch "$url" "$package" && fetch "$url.asc" "$package.asc" && fetch "$bucket/public_keys/KEYS" "$work/KEYS"; then
    if (agent_key_fingerprint=$mountpoint_key_fingerprint && signed_by_aws "$package" "$package.asc" "$work/KEYS"); then
      echo "Mountpoint from $url is signed by AWS's key $mountpoint_key_fingerprint: installing it"
      # apt-get (not dpkg) brings its FUSE library (libfuse2 is not on every image, and a new image's package lists are
      # empty); the lock timeout waits out unattended-upgrades at first boot.
      if [ "$kind" = deb ]; then
        apt-get -o DPkg::Lock::Timeout=300 update -q
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y "$package"
      else
        yum install -y "$package"
      fi
    else
      echo "REFUSED: $url is not signed by AWS's Mountpoint key $mountpoint_key_fingerprint; not installing it"
    fi
  fi
  rm -rf "$work"
  command -v mount-s3 >/dev/null
}

# The run's output and state to the launch's log group, by the CloudWatch agent (installed for a run even without a GPU).
# No retention or group class here: the launch created the group, and the role may only create streams and put events.
ship_run_logs() {
  local config="$root/opt/aws/amazon-cloudwatch-agent/etc/hangar-run-logs.json"
  # With a GPU, setup_gpu_metrics has just tried to install the agent: do not wait for the network twice.
  if [ ! -x "$root$ctl" ] && { command -v nvidia-smi >/dev/null || ! install_agent; }; then
    echo "no CloudWatch agent: the run's logs stay in /var/log/hangar"
    return 0
  fi
  mkdir -p "${config%/*}"
  cat >"$config" <<JSON
{"logs":{"logs_collected":{"files":{"collect_list":[
{"file_path":"/var/log/hangar/run.log","log_group_name":"$log_group","log_stream_name":"run"},
{"file_path":"/var/log/hangar/state.log","log_group_name":"$log_group","log_stream_name":"state"}]}}}}
JSON
  "$root$ctl" -a append-config -m ec2 -s -c "file:$config"
}

# A systemd service that mounts a bucket prefix with Mountpoint, as root for the login user (--uid/--gid, and
# --allow-other so that user may enter a root-made FUSE mount). Type=forking: mount-s3 returns once the mount is up, so
# units ordered after it find the files; after a crash, the restart first lets go of the dead mount. The arguments go
# through printf %q into a script, never into unit syntax.
write_mount_service() {
  local unit=$1 bucket=$2 prefix=$3 dir=$4 access=$5 user=$6 script
  script="/etc/hangar/$unit.sh"
  mkdir -p "$root$dir"
  {
    echo '#!/bin/bash'
    printf 'exec mount-s3 %q %q' "$bucket" "$dir"
    if [ -n "$prefix" ]; then printf ' --prefix %q' "${prefix%/}/"; fi
    printf ' --uid %s --gid %s --allow-other %s\n' "$(id -u "$user")" "$(id -g "$user")" "$access"
  } >"$root$script"
  cat >"$root/etc/systemd/system/$unit.service" <<UNIT
[Unit]
Description=Hangar: the bucket prefix at $dir (Mountpoint for Amazon S3)
Wants=network-online.target
After=network-online.target

[Service]
Type=forking
ExecStartPre=-/bin/umount -l $dir
ExecStart=/bin/bash $script
ExecStop=/bin/umount $dir
Restart=on-failure
RestartSec=10

[Install]
WantedBy=multi-user.target
UNIT
}

# hangar-run.service: see hangar-run.sh (ExecStart) and hangar-run-stopped.sh (the stop hook). Restart=on-failure brings
# a failed setup or command back after 30 s; the wrapper counts the attempts and, at the last, exits 100, which
# RestartPreventExitStatus leaves stopped. A command that succeeded is never run again (its marker on the data volume).
write_run_service() {
  local user=$1 workdir=$2 mounts=$3
  cat >"$root/etc/systemd/system/hangar-run.service" <<UNIT
[Unit]
Description=Hangar run of launch $launch_id
After=$mounts
Requires=$mounts
RequiresMountsFor=$mount_point

[Service]
Type=simple
User=$user
WorkingDirectory=$workdir
EnvironmentFile=/etc/hangar/run.env
ExecStart=/bin/bash /usr/local/lib/hangar/hangar-run.sh $launch_id $code_kind
Restart=on-failure
RestartSec=30
RestartPreventExitStatus=100
UNIT
  if [ "$stop_when_done" = true ]; then
    echo "ExecStopPost=+/bin/bash /usr/local/lib/hangar/hangar-run-stopped.sh $launch_id" \
      >>"$root/etc/systemd/system/hangar-run.service"
  fi
  printf '\n[Install]\nWantedBy=multi-user.target\n' >>"$root/etc/systemd/system/hangar-run.service"
}

# After the data volume: the run needs /mnt/data (scratch, checkpoints, its markers) and the bucket at /mnt/s3; without
# either it does not start at all, and says why.
start_run() {
  local user workdir access=--read-only
  local -a mounts=(hangar-s3-data.service)
  user=$(default_user)
  mkdir -p "$run_logs"
  touch "$run_logs/run.log" "$run_logs/state.log"
  chown "$user:" "$run_logs" "$run_logs/run.log" "$run_logs/state.log"
  if ! grep -q " $mount_point " "$root/etc/fstab" 2>/dev/null; then
    run_failed "no data volume at $mount_point (HANGAR_SCRATCH)"
    return 0
  fi
  if ! command -v mount-s3 >/dev/null; then
    run_failed "Mountpoint for Amazon S3 could not be installed, so no bucket at $data_mount (HANGAR_DATA)"
    return 0
  fi
  mkdir -p "$root$mount_point/code" "$root$mount_point/checkpoints" "$root/etc/systemd/system"
  chown "$user:" "$root$mount_point/code" "$root$mount_point/checkpoints"
  # Writes as Mountpoint allows them: new files, replacing files (--allow-overwrite) and deleting them.
  if [ "$data_read_write" = true ]; then access="--allow-delete --allow-overwrite"; fi
  write_mount_service hangar-s3-data "$data_bucket" "$data_prefix" "$data_mount" "$access" "$user"
  if [ "$code_kind" = s3 ]; then
    write_mount_service hangar-s3-code "$code_bucket" "$code_prefix" "$code_mount" --read-only "$user"
    mounts+=(hangar-s3-code.service)
  fi
  workdir="$mount_point/code"
  # systemd's "~": the home of the unit's User=.
  if [ "$code_kind" = none ]; then workdir=\~; fi
  write_run_service "$user" "$workdir" "${mounts[*]}"
  systemctl daemon-reload
  systemctl enable "${mounts[@]}" hangar-run.service
  systemctl start --no-block hangar-run.service
}

setup_data_volume &
setup_gpu_metrics
ship_run_logs
install_mountpoint || echo "Mountpoint for Amazon S3 is not installed"
wait
start_run
