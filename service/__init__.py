"""quote-attribution's HTTP layer and command line: a thin layer over `models`."""

from importlib.metadata import PackageNotFoundError, version


def service_version() -> str:
    """The installed package's version (0.0.0 when run from a checkout without installing)."""
    try:
        return version("quote-attribution")
    except PackageNotFoundError:
        return "0.0.0"
