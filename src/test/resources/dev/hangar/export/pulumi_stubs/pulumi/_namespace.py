"""Turns attribute access into resource constructors (Capitalised), argument classes (*Args) and invokes."""
import pulumi


class Namespace:
    def __init__(self, path):
        self._path = path

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        full = f"{self._path}.{name}"
        if name.endswith("Args"):
            return lambda **kwargs: {"$args": full, **kwargs}
        if name[0].isupper():
            return lambda resource_name, **kwargs: pulumi.Resource(full, resource_name, kwargs)

        def invoke(opts=None, **kwargs):
            pulumi.INVOKES.append({"fn": full, "args": kwargs, "provider": getattr(opts, "provider", None)})
            return pulumi.InvokeResult(full)

        return invoke
