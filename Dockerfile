FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Hashed, compressed copies of every static file, served by WhiteNoise from the web process.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput
RUN useradd --create-home claimtrack && mkdir -p /app/var && chown claimtrack /app/var
USER claimtrack
EXPOSE 8000
# gunicorn.conf.py (read from /app): gthread workers, one per core, PORT 8000.
CMD ["gunicorn", "config.wsgi:application"]
