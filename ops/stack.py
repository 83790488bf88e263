#!/usr/bin/env python3
"""`make stack`: Colloquium's production shape on this machine, with no containers.

    python ops/stack.py start | stop | status | restart NAME | manage ARGS...

Parts, each a process of its own on 127.0.0.1 (ports from the STACK_* variables below):

- PostgreSQL 15: the machine's cluster (`make postgres`), database `colloquium_stack`;
- Redis (Debian's redis-server), the shared cache: sessions, rate limits, used one-time codes, page cache;
- an S3-compatible object store: moto's standalone server, speaking the S3 HTTP API, bucket
  `colloquium-stack` (moto because it installs from PyPI like the rest of the project and
  enforces object ACLs, so a private object is refused to an anonymous GET as on S3);
- two gunicorn app servers (app-a, app-b) with the production settings module;
- `manage.py worker` for queued tasks;
- nginx in front, serving the documented site file ops/nginx/colloquium.conf over TLS
  (a self-signed certificate for localhost) on port 443, so SITE_URL is https://localhost.

The object store keeps its files in memory, so the stack's data lives as long as it runs: a start
that has to start the object store builds the database afresh (migrate, load the demo). Pid files,
logs, the generated configuration and the environment (stack.env, stack.json) are under .stack/.
`start` is idempotent: parts already running are left alone.
"""

import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
STACK = Path(os.environ.get("STACK_DIR", ROOT / ".stack")).resolve()
LOGS = STACK / "logs"
RUN = STACK / "run"
# The Open Badges signing key: made once by the release steps, kept with the stack's data, never in git.
CREDENTIAL_KEY = STACK / "credential-key.pem"
BIN = Path(sys.executable).parent
SITE_FILE = ROOT / "ops" / "nginx" / "colloquium.conf"

HOST = "localhost"
HTTPS_PORT = int(os.environ.get("STACK_HTTPS_PORT", "443"))
APP_PORTS = {
    "app-a": int(os.environ.get("STACK_APP_A_PORT", "8741")),
    "app-b": int(os.environ.get("STACK_APP_B_PORT", "8742")),
}
REDIS_PORT = int(os.environ.get("STACK_REDIS_PORT", "6391"))
S3_PORT = int(os.environ.get("STACK_S3_PORT", "9741"))
BUCKET = "colloquium-stack"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "colloquium-stack", "AWS_SECRET_ACCESS_KEY": "colloquium-stack-secret"}  # noqa: S105
PG_URL = os.environ.get("PG_URL", "postgres://colloquium:colloquium@127.0.0.1:5432/colloquium")
DATABASE = "colloquium_stack"
# 2 × cores sync workers, as the systemd unit of docs/deployment.md: with 2, pages queued behind
# the check-in burst's and the sign-ins' slow requests (docs/reliability.md, "Tail latency").
APP_WORKERS = os.environ.get("STACK_APP_WORKERS", "4")
# Threads per worker, for trials (gunicorn's gthread worker when above 1): measured, they took the
# queueing away too but made each request slower, the threads sharing one interpreter lock.
APP_THREADS = int(os.environ.get("STACK_APP_THREADS", "1"))
# Each request's time in the app server (%(L)s, seconds) and the worker's pid, beside nginx's
# request and upstream times: where a slow request spent its time, and what ran beside it.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(L)s pid=%(p)s rid=%({x-request-id}i)s'
NGINX_LOG_FORMAT = (
    # Whether the request was signed in (it had a session cookie), never the session itself.
    "map $cookie_sessionid $signed_in { '' 0; default 1; }\n    "
    'log_format timed \'$remote_addr [$time_local] "$request" $status $body_bytes_sent '
    "rt=$request_time urt=$upstream_response_time ua=$upstream_addr msec=$msec rid=$request_id "
    "signed=$signed_in';"
)
READY_SECONDS = 90

# Start order; stop goes the other way.
PARTS = ("redis", "s3", "app-a", "app-b", "worker", "nginx")
# What a part's command line contains, so a stale pid file never leads to signalling another program.
SIGNATURES = {
    "redis": "redis-server",
    "s3": "moto_server",
    "app-a": "gunicorn",
    "app-b": "gunicorn",
    "worker": "worker",
    "nginx": "nginx",
}


def log(message):
    print(f"stack: {message}", flush=True)


def site_url():
    return f"https://{HOST}" if HTTPS_PORT == 443 else f"https://{HOST}:{HTTPS_PORT}"


def database_url():
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path=f"/{DATABASE}"))


def secret_key():
    path = STACK / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def app_env():
    """The production environment of the app servers and the worker (docs/deployment.md)."""
    return {
        "DJANGO_SETTINGS_MODULE": "colloquium_site.settings.production",
        "SECRET_KEY": secret_key(),
        "SITE_URL": site_url(),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": site_url(),
        "DATABASE_URL": database_url(),
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "TASKS_BACKEND": "database",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{S3_PORT}",
        **S3_KEYS,
        "TRUSTED_PROXY_COUNT": "1",
        "DEMO_CONTENT": "1",
        "CREDENTIAL_SIGNING_KEY_FILE": str(CREDENTIAL_KEY),
    }


def process_env():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "AWS_"))}
    for name in ("DATABASE_URL", "CACHE_URL", "TASKS_BACKEND", "SECRET_KEY", "SITE_URL", "EMAIL_HOST"):
        env.pop(name, None)
    return {**env, **app_env()}


# --- processes ------------------------------------------------------------------------------------


def pid_of(part):
    """The running process of `part`, or None (a dead, reaped-by-nobody or foreign pid counts as none)."""
    try:
        pid = int((RUN / f"{part}.pid").read_text())
    except (FileNotFoundError, ValueError):
        return None
    # Redis rewrites its command line as its process title: read in that instant it can be empty, so
    # a live process is judged foreign only if its command line still lacks the signature a moment later.
    for attempt in range(3):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError):
            return None
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return None
        if SIGNATURES[part] in cmdline:
            return pid
        time.sleep(0.05 * (attempt + 1))
    return None


# The processes this command started, to tell at once and for certain whether one has exited.
SPAWNED = {}


def spawn(part, argv):
    with open(LOGS / f"{part}.log", "ab") as output:
        process = subprocess.Popen(  # noqa: S603 - the project's own commands
            argv,
            cwd=ROOT,
            env=process_env(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the stack outlives this command and ignores its terminal's ^C
        )
    (RUN / f"{part}.pid").write_text(str(process.pid))
    SPAWNED[part] = process
    return process.pid


def has_exited(part):
    process = SPAWNED.get(part)
    return process.poll() is not None if process else pid_of(part) is None


def log_tail(part, lines=15):
    try:
        text = (LOGS / f"{part}.log").read_text(errors="replace")
    except FileNotFoundError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def wait_for(what, check, part=None, seconds=READY_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if part and has_exited(part):
            raise SystemExit(
                f"stack: {part} exited while starting; the end of {LOGS / (part + '.log')}:\n{log_tail(part)}"
            )
        if check():
            return
        time.sleep(0.2)
    raise SystemExit(f"stack: {what} was not ready within {seconds} s; see {LOGS}")


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def answers(url, *, headers=None, context=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own local address
    try:
        with urllib.request.urlopen(request, timeout=5, context=context) as response:  # noqa: S310
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except (urllib.error.URLError, OSError):
        return False


def app_ready(port):
    # As nginx would send it: the public host and the scheme TLS was ended with.
    return answers(f"http://127.0.0.1:{port}/", headers={"Host": HOST, "X-Forwarded-Proto": "https"})


def stop_part(part, seconds=30):
    pid = pid_of(part)
    if pid is None:
        (RUN / f"{part}.pid").unlink(missing_ok=True)
        return False
    # nginx and gunicorn finish the requests in hand on these; the worker its current task.
    os.kill(pid, signal.SIGQUIT if part == "nginx" else signal.SIGTERM)
    deadline = time.monotonic() + seconds
    while pid_of(part) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    if pid_of(part) is not None:
        os.kill(pid, signal.SIGKILL)
        while pid_of(part) is not None:
            time.sleep(0.1)
    (RUN / f"{part}.pid").unlink(missing_ok=True)
    return True


# --- the parts ------------------------------------------------------------------------------------


def system_program(name):
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if not found:
        raise SystemExit(f"stack: {name} is not installed (make stack installs it with apt-get).")
    return found


def start_redis():
    folder = STACK / "redis"
    folder.mkdir(exist_ok=True)
    config = folder / "redis.conf"
    # Append-only persistence, as docs/deployment.md advises: sessions survive a restart of Redis.
    config.write_text(
        f"bind 127.0.0.1\nport {REDIS_PORT}\nprotected-mode yes\ndaemonize no\ndir {folder}\n"
        'appendonly yes\nappendfsync everysec\nsave ""\nlogfile ""\n'
    )
    spawn("redis", [system_program("redis-server"), str(config)])
    wait_for("Redis", lambda: port_open(REDIS_PORT), "redis")


def flush_redis():
    import redis

    redis.Redis(host="127.0.0.1", port=REDIS_PORT).flushall()


def start_s3():
    spawn("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(S3_PORT)])
    wait_for("the object store", lambda: answers(f"http://127.0.0.1:{S3_PORT}/"), "s3")
    import boto3

    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{S3_PORT}", region_name="us-east-1", **_keys())
    client.create_bucket(Bucket=BUCKET)


def _keys():
    return {
        "aws_access_key_id": S3_KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": S3_KEYS["AWS_SECRET_ACCESS_KEY"],
    }


def migrated_template():
    """The name of a database holding exactly this checkout's migrations, to copy instead of migrating (40 s)."""
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{DATABASE}_migrated_{digest.hexdigest()[:16]}"


def prepare_database(*, fresh):
    """Create the stack's database if it is missing (dropped first when `fresh`); True when it is empty.

    It is copied from the migrated template when there is one, so `migrate` finds nothing to do.
    """
    import psycopg

    template = migrated_template()
    with psycopg.connect(PG_URL, autocommit=True) as connection:
        exists = lambda name: connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()  # noqa: E731
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if exists(DATABASE):
            return False
        if exists(template):
            connection.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{template}"')
            return False
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
        return True


def keep_migrated_template():
    """Copy the just-migrated, still empty database as the template for the next fresh start."""
    import psycopg

    template = migrated_template()
    with psycopg.connect(PG_URL, autocommit=True) as connection:
        stale = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{DATABASE}\\_migrated\\_%"]
        ).fetchall()
        for (name,) in stale:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{template}" TEMPLATE "{DATABASE}"')


def static_files_current():
    """Whether collectstatic's manifest is newer than the project's static files and the last install.

    collectstatic with the production storage takes about 50 s, so it is skipped when nothing changed.
    """
    manifest = ROOT / "static" / "staticfiles.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    installed = BIN.parent / ".installed"  # the Makefile touches it after every pip install
    if installed.exists() and installed.stat().st_mtime > built:
        return False
    sources = [folder for folder in ROOT.glob("*/static") if folder != ROOT / "static"]
    return all(path.stat().st_mtime <= built for folder in sources for path in folder.rglob("*"))


def manage(*args, background=False):
    with open(LOGS / "release.log", "ab") as output:
        output.write(f"\n$ manage.py {' '.join(args)}\n".encode())
        output.flush()
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=ROOT, env=process_env(), stdout=output, stderr=subprocess.STDOUT
        )
    process.started = time.monotonic()
    return process if background else finished(process, args)


def finished(process, args):
    if process.wait():
        raise SystemExit(f"stack: manage.py {args[0]} failed; see {LOGS / 'release.log'}")
    with open(LOGS / "release.log", "a") as output:
        output.write(f"manage.py {args[0]} took {time.monotonic() - process.started:.1f} s\n")


def release(*, empty_database):
    """The release steps of docs/deployment.md (check --deploy, collectstatic, migrate,
    createcachetable), then the demo."""
    started = time.monotonic()
    manage("check", "--deploy", "--fail-level", "WARNING")
    if not CREDENTIAL_KEY.exists():
        manage("create_credential_key", str(CREDENTIAL_KEY))
    # Static files need no database: they are collected while the database is migrated.
    static = None if static_files_current() else manage("collectstatic", "--noinput", "-v0", background=True)
    manage("migrate", "--noinput", "-v0")
    # The table of the cache the site uses while Redis is down (core.failover_cache); a no-op once made.
    manage("createcachetable")
    if empty_database:
        keep_migrated_template()
    manage("load_demo", "--force")
    if static:
        finished(static, ["collectstatic"])
    log(f"release steps done in {time.monotonic() - started:.0f} s")


def start_app(part):
    spawn(
        part,
        # The systemd unit's command line in docs/deployment.md, on this part's port.
        [
            str(BIN / "gunicorn"),
            "colloquium_site.wsgi:application",
            "--workers",
            APP_WORKERS,
            *(["--worker-class", "gthread", "--threads", str(APP_THREADS)] if APP_THREADS > 1 else []),
            "--bind",
            f"127.0.0.1:{APP_PORTS[part]}",
            "--max-requests",
            "2000",
            "--max-requests-jitter",
            "200",
            "--timeout",
            "30",
            "--graceful-timeout",
            "10",
            "--access-logfile",
            "-",
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            "--forwarded-allow-ips",
            "127.0.0.1",
        ],
    )


def start_worker():
    # A fixed worker id: a worker started again takes back the tasks its killed predecessor held.
    spawn(
        "worker",
        [sys.executable, "manage.py", "worker", "--no-reload", "--queue-name", "*", "--no-startup-delay"]
        + ["--worker-id", "stack-worker-1"],
    )


def certificate():
    folder = STACK / "tls"
    folder.mkdir(exist_ok=True)
    cert, key = folder / "localhost.pem", folder / "localhost.key"
    if not cert.exists():
        subprocess.run(  # noqa: S603
            [system_program("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825"]
            + ["-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1"]
            + ["-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
    return cert, key


def render_site(template, values):
    """ops/nginx/colloquium.conf with its {{ name }} values filled in; an unknown or missing name is an error."""
    text = template
    for name, value in values.items():
        placeholder = "{{ " + name + " }}"
        if placeholder not in text:
            raise ValueError(f"{SITE_FILE.name} has no {placeholder}")
        text = text.replace(placeholder, value)
    if "{{" in text:
        raise ValueError(f"{SITE_FILE.name} still has a placeholder: {text[text.index('{{') :].split()[1]}")
    return text


def nginx_config():
    folder = STACK / "nginx"
    temp = folder / "temp"
    temp.mkdir(parents=True, exist_ok=True)
    cert, key = certificate()
    site = folder / "colloquium.conf"
    site.write_text(
        render_site(
            SITE_FILE.read_text(),
            {
                "app_servers": "\n    ".join(f"server 127.0.0.1:{port};" for port in APP_PORTS.values()),
                "listen": f"127.0.0.1:{HTTPS_PORT}",
                "server_name": HOST,
                "certificate": str(cert),
                "certificate_key": str(key),
            },
        )
    )
    temp_paths = {"client_body": "body", "proxy": "proxy", "fastcgi": "fastcgi", "uwsgi": "uwsgi", "scgi": "scgi"}
    for name in temp_paths.values():
        (temp / name).mkdir(exist_ok=True)
    user = ""
    if os.geteuid() == 0:
        # nginx's workers drop to nobody; they write request bodies and large responses here.
        import grp
        import pwd

        nobody = pwd.getpwnam("nobody")
        for name in temp_paths.values():
            os.chown(temp / name, nobody.pw_uid, nobody.pw_gid)
        user = f"user nobody {grp.getgrgid(nobody.pw_gid).gr_name};\n"
    main = folder / "nginx.conf"
    main.write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {LOGS / 'nginx-error.log'};\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        f"    {NGINX_LOG_FORMAT}\n"
        f"    access_log {LOGS / 'nginx-access.log'} timed;\n"
        + "".join(f"    {name}_temp_path {temp / folder_name};\n" for name, folder_name in temp_paths.items())
        + f"    include {site};\n"
        "}\n"
    )
    return main


def start_nginx():
    config = nginx_config()
    nginx = system_program("nginx")
    argv = [nginx, "-p", str(STACK / "nginx"), "-e", str(LOGS / "nginx-error.log"), "-c", str(config)]
    test = subprocess.run([*argv, "-t"], capture_output=True, text=True)  # noqa: S603
    if test.returncode:
        raise SystemExit(f"stack: nginx refused its configuration:\n{test.stderr}")
    spawn("nginx", argv)
    context = ssl.create_default_context(cafile=str(certificate()[0]))
    wait_for("nginx", lambda: answers(f"{site_url()}/", context=context), "nginx")


# --- commands -------------------------------------------------------------------------------------


def describe():
    return {
        "site_url": site_url(),
        "host": HOST,
        "certificate": str(certificate()[0]),
        "app_servers": {part: f"http://127.0.0.1:{port}" for part, port in APP_PORTS.items()},
        "redis_url": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "s3": {
            "endpoint_url": f"http://127.0.0.1:{S3_PORT}",
            "bucket": BUCKET,
            "region_name": "us-east-1",
            **_keys(),
        },
        "stack_command": [sys.executable, str(Path(__file__).resolve())],
    }


def write_environment():
    (STACK / "stack.json").write_text(json.dumps(describe(), indent=2) + "\n")
    # `set -a; . .stack/stack.env; set +a` gives a shell the stack's environment (manage.py by hand).
    lines = [f"{name}='{value}'" for name, value in app_env().items()]
    (STACK / "stack.env").write_text("\n".join(lines) + "\n")
    (STACK / "stack.env").chmod(0o600)


def start():
    for folder in (STACK, LOGS, RUN):
        folder.mkdir(parents=True, exist_ok=True)
    if all(pid_of(part) for part in PARTS):
        write_environment()
        log(f"the stack is already up at {site_url()} ({', '.join(PARTS)})")
        return
    started = time.monotonic()
    if not pid_of("redis"):
        start_redis()
    fresh = pid_of("s3") is None
    if fresh:
        start_s3()
        log("new object store: building the database afresh")
        flush_redis()
    apps = [part for part in ("app-a", "app-b", "worker") if not pid_of(part)]
    if apps:
        release(empty_database=prepare_database(fresh=fresh))
    for part in apps:
        start_worker() if part == "worker" else start_app(part)
    for part in apps:
        if part != "worker":
            wait_for(part, lambda part=part: app_ready(APP_PORTS[part]), part)
    if not pid_of("nginx"):
        start_nginx()
    write_environment()
    log(f"the stack is up at {site_url()} in {time.monotonic() - started:.0f} s; logs in {LOGS}")
    status()


def stop():
    stopped = [part for part in reversed(PARTS) if stop_part(part)]
    log(f"stopped {', '.join(stopped)}" if stopped else "nothing was running")


def restart(part):
    if part not in PARTS:
        raise SystemExit(f"stack: no part named {part!r}; the parts are {', '.join(PARTS)}")
    if part == "s3":
        raise SystemExit("stack: the object store keeps its files in memory; restart the whole stack instead")
    stop_part(part)
    if part in APP_PORTS:
        start_app(part)
        wait_for(part, lambda: app_ready(APP_PORTS[part]), part)
    else:
        {"redis": start_redis, "worker": start_worker, "nginx": start_nginx}[part]()
    log(f"{part} restarted")


def status():
    addresses = {
        "redis": f"127.0.0.1:{REDIS_PORT}",
        "s3": f"http://127.0.0.1:{S3_PORT}",
        **{part: f"http://127.0.0.1:{port}" for part, port in APP_PORTS.items()},
        "worker": "-",
        "nginx": site_url(),
    }
    down = 0
    for part in PARTS:
        pid = pid_of(part)
        down += pid is None
        print(f"  {part:<7} {'up, pid ' + str(pid) if pid else 'down':<16} {addresses[part]}")
    return down


def main(argv):
    command, *args = argv or ["status"]
    if command == "start":
        start()
    elif command == "stop":
        stop()
    elif command == "status":
        return 1 if status() else 0
    elif command == "restart" and len(args) == 1:
        restart(args[0])
    elif command == "manage":
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "manage.py", *args], process_env())  # noqa: S606
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
