"""Loads a cluster configuration with AWS ParallelCluster's own schema, as `pcluster create-cluster` does first.

Usage: python pcluster_schema_check.py CLUSTER_NAME CONFIG.yaml
Prints LOADED and exits 0, or prints the schema's errors (JSON) and exits 1. Makes no call that leaves the machine:
the caller points AWS_ENDPOINT_URL at a closed local port.
"""
import json
import sys

import yaml
from marshmallow import ValidationError
from pcluster.schemas.cluster_schema import ClusterSchema

name, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    document = yaml.safe_load(f)
try:
    ClusterSchema(cluster_name=name).load(document)
except ValidationError as e:
    print(json.dumps(e.messages, default=str, sort_keys=True))
    sys.exit(1)
print("LOADED")
