"""Test stand-in for the pulumi SDK: records resources and exports instead of deploying anything."""

RESOURCES = []
EXPORTS = {}
INVOKES = []


class Ref(str):
    """An output of a resource or an invoke, shown as "ref:<logical name>.<attribute>"."""


class Resource:
    """Attributes of its own start with "_", so every other attribute is an output, as on a real resource."""

    def __init__(self, type_, resource_name, kwargs):
        if not isinstance(resource_name, str) or not resource_name:
            raise TypeError(f"{type_}: the first argument must be the logical name")
        if any(r._logical == resource_name and r._type == type_ for r in RESOURCES):
            raise ValueError(f"duplicate resource {type_} {resource_name}")
        self._type = type_
        self._logical = resource_name
        self._kwargs = kwargs
        RESOURCES.append(self)

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        return Ref(f"ref:{self._logical}.{attr}")


class InvokeResult:
    def __init__(self, fn):
        self.fn = fn

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        return Ref(f"invoke:{self.fn}.{attr}")


class ResourceOptions:
    def __init__(self, provider=None, depends_on=None, **others):
        if others:
            raise TypeError(f"unexpected options {sorted(others)}")
        self.provider = provider
        self.depends_on = depends_on or []


class InvokeOptions:
    def __init__(self, provider=None):
        self.provider = provider


class Output:
    @staticmethod
    def concat(*parts):
        return Ref("".join(str(p) for p in parts))

    @staticmethod
    def secret(value):
        return Ref(f"secret:{value}")


class Config:
    """Stack settings: none are set in the stand-in, so every get answers None (the program's default applies)."""

    def __init__(self, name=None):
        self.name = name

    def get(self, key):
        if not isinstance(key, str) or not key:
            raise TypeError("a config key is a non-empty string")
        return None


def export(name, value):
    if name in EXPORTS:
        raise ValueError(f"export {name} twice")
    EXPORTS[name] = value
