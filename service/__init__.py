"""quote-attribution's HTTP layer and command line: a thin layer over `models`."""
