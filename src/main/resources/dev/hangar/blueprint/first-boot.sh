#!/bin/bash
# Hangar's first-boot script (EC2 user data), run once as root: the encrypted data volume ready at /mnt/data, then
# GPU, memory and disk metrics to CloudWatch (namespace CWAgent). Nothing here may keep the machine from booting.
# HANGAR_ROOT prefixes every path it writes, so a test can run it under a temporary root with stand-in tools.
set -u
root="${HANGAR_ROOT:-}"
mkdir -p "$root/var/log"
exec >>"$root/var/log/hangar-user-data.log" 2>&1

# The data volume is attached at /dev/sdh (the blueprint's device) a little after the instance starts running.
data_device=sdh
mount_point=/mnt/data

# The EBS device name a Nitro NVMe controller reports in its vendor-specific area ("sdh" or "/dev/sdh").
ebs_device_name() {
  nvme id-ctrl -v "$1" 2>/dev/null | grep -o -m1 -E '(/dev/)?(sd|xvd)[a-z]+' | sed 's|^/dev/||'
}

find_data_device() {
  local dev
  for dev in $(lsblk -dpno NAME 2>/dev/null); do
    case "$dev" in
      */nvme*) if [ "$(ebs_device_name "$dev")" = "$data_device" ]; then echo "$dev"; return 0; fi ;;
      */xvdh | */sdh) echo "$dev"; return 0 ;;
    esac
  done
  return 1
}

# The image's login user, who owns /mnt/data: ubuntu on Ubuntu images, ec2-user on Amazon Linux.
default_user() {
  local user
  for user in ubuntu ec2-user; do
    if id -u "$user" >/dev/null 2>&1; then echo "$user"; return 0; fi
  done
  echo root
}

setup_data_volume() {
  local dev="" attempt uuid user
  for attempt in $(seq 1 120); do
    if dev=$(find_data_device); then break; fi
    dev=""
    echo "waiting for the data volume ($attempt)"
    sleep 5
  done
  if [ -z "$dev" ]; then
    echo "no data volume at $data_device after 10 minutes: $mount_point is not mounted"
    return 0
  fi
  # blkid finds no signature only on a blank volume: a kept or restored volume keeps its file system and data.
  if ! blkid "$dev" >/dev/null 2>&1; then
    echo "formatting the blank data volume $dev (XFS)"
    mkfs.xfs -q -L hangar-data "$dev" || { echo "mkfs.xfs failed on $dev"; return 0; }
  fi
  uuid=$(blkid -o value -s UUID "$dev")
  mkdir -p "$root$mount_point"
  if ! grep -q "UUID=$uuid " "$root/etc/fstab" 2>/dev/null; then
    # nofail: a volume detached later (kept by 'destroy --keep-data-volume') never stops a boot.
    echo "UUID=$uuid $mount_point xfs defaults,nofail,x-systemd.device-timeout=10s 0 2" >>"$root/etc/fstab"
  fi
  mount "$root$mount_point" || { echo "mounting $dev at $mount_point failed"; return 0; }
  user=$(default_user)
  chown "$user:" "$root$mount_point"
  echo "data volume $dev mounted at $mount_point for $user"
}

setup_gpu_metrics() {
  if ! command -v nvidia-smi >/dev/null; then
    echo "no nvidia-smi: GPU metrics skipped"
    return 0
  fi
  local ctl=/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl arch
  if [ ! -x "$root$ctl" ]; then
    arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
    case "$arch" in aarch64 | arm64) arch=arm64 ;; *) arch=amd64 ;; esac
    if command -v dpkg >/dev/null; then
      curl -fsSL -o /tmp/cwagent.deb "https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/$arch/latest/amazon-cloudwatch-agent.deb" \
        && dpkg -i -E /tmp/cwagent.deb
    else
      yum install -y amazon-cloudwatch-agent || dnf install -y amazon-cloudwatch-agent
    fi
  fi
  mkdir -p "$root/opt/aws/amazon-cloudwatch-agent/etc"
  cat >"$root/opt/aws/amazon-cloudwatch-agent/etc/hangar.json" <<'JSON'
{
  "agent": {"metrics_collection_interval": 60},
  "metrics": {
    "namespace": "CWAgent",
    "append_dimensions": {"InstanceId": "${aws:InstanceId}"},
    "aggregation_dimensions": [["InstanceId"]],
    "metrics_collected": {
      "nvidia_gpu": {"measurement": ["utilization_gpu", "utilization_memory", "memory_used", "memory_total", "temperature_gpu", "power_draw"]},
      "mem": {"measurement": ["mem_used_percent"]},
      "disk": {"measurement": ["used_percent"], "resources": ["/", "/mnt/data"]}
    }
  }
}
JSON
  "$root$ctl" -a fetch-config -m ec2 -s -c "file:$root/opt/aws/amazon-cloudwatch-agent/etc/hangar.json"
}

# The volume may attach after this script starts: wait for it in the background, so boot and the metrics go on.
setup_data_volume &
setup_gpu_metrics
wait
