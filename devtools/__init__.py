"""Development tooling: the benchmark and a local gunicorn for end-to-end tests.

It runs from a checkout of the repository with the `dev` extras installed (`make install`):
it needs `psutil` and the seed articles under `seeds/`, which the installed package and the
Docker image do not have. `models/` and `service/` never import it.
"""
