#!/bin/bash
# A recording stand-in for AWS ParallelCluster's pcluster: each call's arguments (one per line) go to
# $PCLUSTER_RECORD/call-N, the configuration create-cluster receives to $PCLUSTER_RECORD/received-config.yaml,
# and it answers as pcluster 3.16.1 does, in JSON. describe-cluster says CREATE_IN_PROGRESS once, then
# CREATE_COMPLETE; after delete-cluster the cluster does not exist. A file $PCLUSTER_RECORD/fail makes
# create-cluster fail as pcluster's validators do; $PCLUSTER_RECORD/head-node-fails makes the creation end CREATE_FAILED.
set -u
rec="$PCLUSTER_RECORD"
mkdir -p "$rec"
n=$(find "$rec" -maxdepth 1 -name 'call-*' | wc -l)
printf '%s\n' "$@" >"$rec/call-$n"
command="$1"
shift
name=""
config=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster-name) name="$2"; shift ;;
    --cluster-configuration) config="$2"; shift ;;
  esac
  shift
done
case "$command" in
  create-cluster)
    if [ -f "$rec/fail" ]; then
      echo "botocore debug: aws_secret_access_key=$AWS_SECRET_ACCESS_KEY" >&2
      printf '{"message": "Invalid cluster configuration.", "configurationValidationErrors": [{"level": "ERROR", "type": "KeyPairValidator", "message": "The key pair does not exist in the region."}]}\n'
      exit 1
    fi
    cp "$config" "$rec/received-config.yaml"
    printf '{"cluster": {"clusterName": "%s", "cloudformationStackStatus": "CREATE_IN_PROGRESS", "clusterStatus": "CREATE_IN_PROGRESS", "region": "us-east-1", "version": "3.16.1", "scheduler": {"type": "slurm"}}}\n' "$name"
    ;;
  describe-cluster)
    if [ -f "$rec/deleted" ]; then
      printf '{"message": "Cluster '"'"'%s'"'"' does not exist or belongs to an incompatible ParallelCluster major version."}\n' "$name"
      exit 1
    fi
    d=$(find "$rec" -maxdepth 1 -name 'described-*' | wc -l)
    touch "$rec/described-$d"
    status=CREATE_COMPLETE
    if [ "$d" -lt 1 ]; then status=CREATE_IN_PROGRESS; fi
    if [ "$status" = CREATE_COMPLETE ] && [ -f "$rec/head-node-fails" ]; then
      printf '{"clusterName": "%s", "clusterStatus": "CREATE_FAILED", "cloudFormationStackStatus": "ROLLBACK_COMPLETE", "region": "us-east-1", "version": "3.16.1", "failures": [{"failureCode": "HeadNodeBootstrapFailure", "failureReason": "Cluster creation failed because the head node could not be set up."}]}\n' "$name"
      exit 0
    fi
    printf '{"clusterName": "%s", "clusterStatus": "%s", "cloudFormationStackStatus": "%s", "region": "us-east-1", "version": "3.16.1", "headNode": {"instanceId": "i-0123456789abcdef0", "instanceType": "t3.medium", "state": "running"}}\n' "$name" "$status" "$status"
    ;;
  delete-cluster)
    touch "$rec/deleted"
    printf '{"cluster": {"clusterName": "%s", "clusterStatus": "DELETE_IN_PROGRESS", "cloudformationStackStatus": "DELETE_IN_PROGRESS", "region": "us-east-1"}}\n' "$name"
    ;;
  *)
    printf '{"message": "unknown command %s"}\n' "$command"
    exit 2
    ;;
esac
