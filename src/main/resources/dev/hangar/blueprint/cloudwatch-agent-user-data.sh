#!/bin/bash
# Hangar: report GPU, memory and disk metrics to CloudWatch (namespace CWAgent) when the image has
# NVIDIA drivers. Runs once at first boot; a failure here never stops the machine from booting.
set -u
exec >>/var/log/hangar-user-data.log 2>&1
command -v nvidia-smi >/dev/null || { echo "no nvidia-smi: GPU metrics skipped"; exit 0; }

if [ ! -x /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl ]; then
  arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
  case "$arch" in aarch64|arm64) arch=arm64 ;; *) arch=amd64 ;; esac
  if command -v dpkg >/dev/null; then
    curl -fsSL -o /tmp/cwagent.deb "https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/$arch/latest/amazon-cloudwatch-agent.deb" \
      && dpkg -i -E /tmp/cwagent.deb
  else
    yum install -y amazon-cloudwatch-agent || dnf install -y amazon-cloudwatch-agent
  fi
fi

cat >/opt/aws/amazon-cloudwatch-agent/etc/hangar.json <<'JSON'
{
  "agent": {"metrics_collection_interval": 60},
  "metrics": {
    "namespace": "CWAgent",
    "append_dimensions": {"InstanceId": "${aws:InstanceId}"},
    "aggregation_dimensions": [["InstanceId"]],
    "metrics_collected": {
      "nvidia_gpu": {"measurement": ["utilization_gpu", "utilization_memory", "memory_used", "memory_total", "temperature_gpu", "power_draw"]},
      "mem": {"measurement": ["mem_used_percent"]},
      "disk": {"measurement": ["used_percent"], "resources": ["/"]}
    }
  }
}
JSON
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \
  -c file:/opt/aws/amazon-cloudwatch-agent/etc/hangar.json
