"""Placeholder replaced below."""


def add_arguments(parser):
    parser.add_argument("--corpus")


def main(args):
    raise SystemExit("bench: not built yet")
