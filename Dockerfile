# mapstory: a slim image that runs the app offline on port 8501.
#   docker build -t mapstory .
#   docker run -p 8501:8501 -v mapstory-data:/app/data mapstory
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MAPSTORY_STORE_PATH=/app/data/stories.sqlite3

# Debian's Chromium draws PNG snapshots of a step's map (mapstory.export.snapshot); the app
# works without it and says so where the snapshot would be.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

RUN useradd --create-home --uid 10001 mapstory
COPY --chown=mapstory:mapstory . .
RUN mkdir -p /app/data /app/static && chown -R mapstory:mapstory /app/data /app/static
USER mapstory

EXPOSE 8501
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
