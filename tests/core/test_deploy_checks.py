"""`manage.py check --deploy` refuses a production environment whose cache is not shared."""

from django.core.checks import run_checks

from tests.security.test_configuration import env_example, run_manage


def deploy_warnings(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:6379/0"}}
    return [message.id for message in run_checks(include_deployment_checks=True, tags=["caches"])]


def test_a_process_local_cache_is_refused(settings):
    assert "core.W001" in deploy_warnings(settings, "django.core.cache.backends.locmem.LocMemCache")
    assert "core.W001" in deploy_warnings(settings, "django.core.cache.backends.dummy.DummyCache")


def test_redis_passes(settings):
    assert "core.W001" not in deploy_warnings(settings, "django_redis.cache.RedisCache")


def test_the_release_check_fails_on_the_documented_environment_without_cache_url():
    env = env_example()
    del env["CACHE_URL"]
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", extra_env=env, unset=("CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    )
    assert result.returncode != 0
    assert "core.W001" in result.stderr and "CACHE_URL" in result.stderr
