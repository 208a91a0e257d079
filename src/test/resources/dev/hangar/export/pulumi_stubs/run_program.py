"""Runs a Pulumi program against the stand-in SDK and prints what it declared, as JSON."""
import json
import runpy
import sys

import pulumi


def encode(value):
    if isinstance(value, pulumi.Resource):
        return f"resource:{value._type}:{value._logical}"
    if isinstance(value, pulumi.ResourceOptions):
        return {"provider": encode(value.provider) if value.provider else None,
                "dependsOn": [encode(d) for d in value.depends_on]}
    raise TypeError(f"cannot encode {type(value)}")


runpy.run_path(sys.argv[1], run_name="__main__")
print(json.dumps({
    "resources": [{"type": r._type, "name": r._logical, "args": r._kwargs} for r in pulumi.RESOURCES],
    "exports": pulumi.EXPORTS,
    "invokes": pulumi.INVOKES,
}, default=encode, ensure_ascii=False))
