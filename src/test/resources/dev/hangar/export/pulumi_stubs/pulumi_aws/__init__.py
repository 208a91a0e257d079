from pulumi._namespace import Namespace

_root = Namespace("aws")


def __getattr__(name):
    if name[0].isupper():
        return getattr(_root, name)
    return Namespace(f"aws.{name}")
