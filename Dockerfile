ARG BASE_IMAGE=python:3.12-slim
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="quote-attribution" \
      org.opencontainers.image.description="Who said what in a news article: direct, indirect and mixed quotes with their speakers' names and titles, over HTTP." \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="0.1.0"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000 \
    QUOTES_EXAMPLES_DIR=/app/examples

WORKDIR /app
COPY requirements-image.lock pyproject.toml README.md ./
COPY models ./models
COPY service ./service
# the seed articles, offered as examples on the page at /
COPY seeds/*.txt ./examples/

# The host CA reaches the build only as a BuildKit secret (see ../shared/docker/README.md);
# without it this is a plain install.
RUN --mount=type=secret,id=pipcert \
    if [ -f /run/secrets/pipcert ]; then export PIP_CERT=/run/secrets/pipcert; fi; \
    pip install --no-cache-dir --require-hashes --no-deps -r requirements-image.lock \
    && pip install --no-cache-dir --no-deps .

# Prove the model loads and the engine runs before the image is accepted; add the runtime user.
RUN python -c "import models; r = models.load().extract('\"It works,\" she said.'); assert r.quotes, r" \
    && useradd --system --uid 10001 --no-create-home appuser
USER 10001

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["gunicorn", "--config", "python:service.gunicorn_conf", "service.wsgi:app"]
