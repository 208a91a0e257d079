#!/bin/bash
# Hangar's first-boot script (EC2 user data), run once as root: the encrypted data volume ready at /mnt/data, then
# GPU, memory and disk metrics to CloudWatch (namespace CWAgent) by the CloudWatch agent, fetched from AWS's bucket in
# the instance's region and installed only when AWS's key signed it. Nothing here may keep the machine from booting.
# HANGAR_ROOT prefixes every path it writes, so a test can run it under a temporary root with stand-in tools.
set -u
root="${HANGAR_ROOT:-}"
mkdir -p "$root/var/log"
exec >>"$root/var/log/hangar-user-data.log" 2>&1

ctl=/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl

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

# IMDSv2: a session token first (a hop limit of 1 keeps it on this machine), then the path asked for.
imds() {
  local token
  token=$(curl -fsS --retry 3 --connect-timeout 2 --max-time 5 -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 300" \
    http://169.254.169.254/latest/api/token) || return 1
  curl -fsS --retry 3 --connect-timeout 2 --max-time 5 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/$1"
}

# The agent's folder and package type in AWS's bucket for this system, from /etc/os-release: "ubuntu deb".
agent_platform() {
  local id
  id=$(sed -n 's/^ID=//p' "$root/etc/os-release" 2>/dev/null | tr -d '"')
  case "$id" in
    ubuntu | debian) echo "$id deb" ;;
    amzn) echo "amazon_linux rpm" ;;
    rhel) echo "redhat rpm" ;;
    centos) echo "centos rpm" ;;
    sles | opensuse*) echo "suse rpm" ;;
    *) return 1 ;;
  esac
}

agent_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) echo amd64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) return 1 ;;
  esac
}

# In a private subnet the NAT gateway may still be pending for a minute or two after the instance starts (the launch does
# not wait for it), so a download is tried 7 times, 5 s to 60 s apart: about 3 minutes before it gives up.
fetch() {
  local url=$1 out=$2 attempt pause=5
  for attempt in 1 2 3 4 5 6 7; do
    if curl -fsS --connect-timeout 10 --max-time 600 -o "$out" "$url"; then return 0; fi
    if [ "$attempt" -eq 7 ]; then break; fi
    echo "downloading $url failed (attempt $attempt); trying again in $pause s"
    sleep "$pause"
    pause=$((pause * 2 > 60 ? 60 : pause * 2))
  done
  echo "downloading $url failed $attempt times: giving up"
  return 1
}

# AWS's CloudWatch agent signing key, by its documented fingerprint. The key file comes from the same bucket as the
# package, so it proves nothing by itself: only a signature by this very key is accepted.
agent_key_fingerprint=937616F3450B7D806CBD9725D58167303B789C72

# gpg in a keyring of its own (a temporary GNUPGHOME): nothing else is trusted, and root's keyring is left alone.
# VALIDSIG, printed only for a good signature, names the signing key and, last, its primary key.
signed_by_aws() {
  local package=$1 signature=$2 key=$3 home status
  home=$(mktemp -d) || return 1
  chmod 700 "$home"
  status=$(GNUPGHOME="$home" gpg --batch --quiet --import "$key" >/dev/null 2>&1 \
    && GNUPGHOME="$home" gpg --batch --status-fd 1 --verify "$signature" "$package" 2>/dev/null)
  rm -rf "$home"
  printf '%s\n' "$status" | awk -v fpr="$agent_key_fingerprint" \
    '$1 == "[GNUPG:]" && $2 == "VALIDSIG" && ($3 == fpr || $NF == fpr) { ok = 1 } END { exit !ok }'
}

# The agent from AWS's bucket in this instance's own region, by its regional address: the S3 gateway endpoint of a
# private or isolated network carries that traffic (the global s3.amazonaws.com address would not reach it).
install_agent() {
  local region arch platform folder kind bucket base work package
  if ! command -v gpg >/dev/null; then
    echo "no gpg to check the CloudWatch agent's signature: not installing it"
    return 1
  fi
  region=$(imds meta-data/placement/region) || { echo "no region from the instance metadata: CloudWatch agent not installed"; return 1; }
  arch=$(agent_arch) || { echo "no CloudWatch agent for a $(uname -m) processor"; return 1; }
  platform=$(agent_platform) || { echo "no CloudWatch agent package for this system (/etc/os-release)"; return 1; }
  read -r folder kind <<<"$platform"
  bucket="https://amazoncloudwatch-agent-$region.s3.$region.amazonaws.com"
  base="$bucket/$folder/$arch/latest/amazon-cloudwatch-agent.$kind"
  work=$(mktemp -d) || return 1
  package="$work/amazon-cloudwatch-agent.$kind"
  if fetch "$base" "$package" && fetch "$base.sig" "$package.sig" \
    && fetch "$bucket/assets/amazon-cloudwatch-agent.gpg" "$work/amazon-cloudwatch-agent.gpg"; then
    if signed_by_aws "$package" "$package.sig" "$work/amazon-cloudwatch-agent.gpg"; then
      echo "the CloudWatch agent from $base is signed by AWS's key $agent_key_fingerprint: installing it"
      if [ "$kind" = deb ]; then dpkg -i -E "$package"; else rpm -U "$package"; fi
    else
      echo "REFUSED: $base is not signed by AWS's CloudWatch agent key $agent_key_fingerprint; not installing it"
    fi
  fi
  rm -rf "$work"
  [ -x "$root$ctl" ]
}

setup_gpu_metrics() {
  if ! command -v nvidia-smi >/dev/null; then
    echo "no nvidia-smi: GPU metrics skipped"
    return 0
  fi
  if [ ! -x "$root$ctl" ] && ! install_agent; then
    echo "no CloudWatch agent: GPU metrics skipped"
    return 0
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
