"""Strict CSP, no inline script or style in any template, and `check --deploy` clean in production mode."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Templates served to browsers; PDF templates are rendered by WeasyPrint on the server, where no CSP applies.
TEMPLATES = sorted(path for path in (ROOT / "src").rglob("templates/**/*.html") if "/pdf/" not in str(path))


def test_there_are_templates_to_scan():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "src")))
def test_no_inline_script_or_style_attribute(template):
    text = template.read_text()
    assert not re.search(r"\sstyle\s*=", text), "style= attributes are blocked by the CSP"
    for tag in re.findall(r"<script\b[^>]*>", text):
        assert "src=" in tag or "nonce=" in tag, f"inline script without a nonce: {tag}"
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", text), "inline event handlers are blocked by the CSP"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/voorbeeld/", "/voorbeeld/idee/", "/bestaat-niet/"])
def test_csp_is_strict_on_rendered_pages(client, municipality, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\b(src|nonce)=)[^>]*>", html)
    assert not re.search(r"\sstyle=", html)


def test_check_deploy_is_clean_in_production_mode():
    env = {
        **os.environ,
        "BURGERIDEE_ENV": "production",
        "SECRET_KEY": "check-deploy-" + "k3Y" * 20,
        "ALLOWED_HOSTS": "burgeridee.example.nl",
        "DEBUG": "false",
    }
    env.pop("SECURE_SSL_REDIRECT", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process, never in production
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_hsts_is_on():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    env = {**os.environ, "BURGERIDEE_ENV": "production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.example"}
    env.pop("SECURE_SSL_REDIRECT", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process, never in production
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", "import django,os,sys;sys.path.insert(0,'src');"
         f"os.environ.setdefault('DJANGO_SETTINGS_MODULE','burgeridee.settings');django.setup();{code}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"], result.stderr


def test_production_requires_two_factors_for_staff_even_when_demo_is_asked():
    code = (
        "from burgeridee.accounts.two_factor import second_factor_required;"
        "from django.conf import settings as s;"
        "print(s.DEMO_MODE, second_factor_required(), s.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN)"
    )
    env = {
        **os.environ,
        "BURGERIDEE_ENV": "production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "a.example",
        "BURGERIDEE_DEMO": "true",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", "import django,os,sys;sys.path.insert(0,'src');"
         f"os.environ.setdefault('DJANGO_SETTINGS_MODULE','burgeridee.settings');django.setup();{code}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["False", "True", "False"], result.stderr


def test_the_deploy_check_refuses_staff_without_a_second_factor(settings):
    from burgeridee.accounts.checks import second_factor_required_check

    assert second_factor_required_check(None) == []
    settings.DEMO_MODE = True
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "OTPMiddleware" not in m]
    assert {error.id for error in second_factor_required_check(None)} == {"burgeridee.E001", "burgeridee.E002"}
