from pulumi._namespace import Namespace

_root = Namespace("tls")


def __getattr__(name):
    return getattr(_root, name)
