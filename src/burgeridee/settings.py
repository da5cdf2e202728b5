"""Burgeridee settings: one module, every value from the environment with a safe default.

Every variable is described in docs/configuration.md. BURGERIDEE_ENV picks a mode:
- ``production`` (the default): DEBUG off, secure cookies, HSTS, SECRET_KEY required;
- ``development``: what `make run` uses, on http://127.0.0.1:8000;
- ``test``: what the test suite uses.
"""

import tempfile
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SRC_DIR = BASE_DIR / "src" / "burgeridee"


class Env(environ.Env):
    """django-environ reads and casts every variable (numbers, true/false, lists, DATABASE_URL, REDIS_URL), with
    the project's own rules on top: an empty variable counts as unset (its default holds); a value is taken as
    it is (django-environ would read "$NAME" as a reference to another variable: a password starting with $
    is a password); list items lose the spaces around them; and a value that cannot be read ("many" for a
    number, "maybe" for true or false) stops the start with the variable's name and what it expects."""

    BOOLEAN_FALSE_STRINGS = ("false", "off", "no", "n", "0")
    EXPECTED = {int: "a whole number", float: "a number", bool: "true or false"}

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        value = self.ENVIRON.get(var, "")
        if not value.strip():
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the {var} environment variable.")
            return default
        try:
            return self.parse_value(value, cast)
        except ValueError as error:
            expected = self.EXPECTED.get(cast, "a valid value")
            raise ImproperlyConfigured(f"{var} must be {expected}, not {value!r}.") from error

    @classmethod
    def parse_value(cls, value, cast):
        if cast is bool and value.strip().lower() not in (*cls.BOOLEAN_TRUE_STRINGS, *cls.BOOLEAN_FALSE_STRINGS):
            raise ValueError(value)
        if cast is list:
            return [item.strip() for item in value.split(",") if item.strip()]
        return super().parse_value(value, cast)


env = Env()

ENV = env.str("BURGERIDEE_ENV", default="production").strip().lower()
if ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured("BURGERIDEE_ENV must be production, development or test")
IS_PRODUCTION = ENV == "production"

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "insecure-development-key-" + "x" * 40  # noqa: S105 - never used in production

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode: demo accounts may log in without a second factor. Never in production.
DEMO_MODE = env.bool("BURGERIDEE_DEMO", default=False) and not IS_PRODUCTION

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # First of the project's apps: its `db_worker` (django-tasks-db's worker plus a heartbeat for the
    # liveness probe) takes the place of the library's command of the same name.
    "burgeridee.core",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_setup_configuration",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # zgw-consumers: the ZGW services (Zaken, Documenten, Catalogi API) of the case-system registration
    # (api/zgw.py); simple_certmanager and privates hold the services' optional mTLS certificates.
    "solo",
    "privates",
    "simple_certmanager",
    "zgw_consumers",
    "burgeridee.accounts",
    "burgeridee.municipalities",
    "burgeridee.records",
    "burgeridee.initiatives",
    "burgeridee.privacy",
    "burgeridee.evaluations",
    "burgeridee.insights",
    "burgeridee.showcase",
    "burgeridee.workspace",
    "burgeridee.handovers",
    "burgeridee.deadlines",
    "burgeridee.intake",
    "burgeridee.conversations",
    "burgeridee.documents",
    "burgeridee.workshops",
    "burgeridee.training",
    "burgeridee.knowledge",
    "burgeridee.administration",
    "burgeridee.challenges",
    "burgeridee.sso",
    "burgeridee.api",
    "burgeridee.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost but one, so no other middleware adds caching headers after it.
    "burgeridee.core.middleware.PrivatePagesNoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "burgeridee.records.tracing.TraceContextMiddleware",
    "burgeridee.api.rest.ApiVersionMiddleware",
    # After the trace context (the request id), before everything that may log or fail.
    "burgeridee.core.observability.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "burgeridee.core.locale.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: a far too big upload is refused unread.
    "burgeridee.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "burgeridee.accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the policy's text built once per process (only the nonce per request).
    "burgeridee.core.middleware.CSPMiddleware",
    # After CSP, so its response step runs first: a provider's sign-out address becomes a form-action.
    "burgeridee.sso.middleware.ProviderLogoutFormActionMiddleware",
    "burgeridee.core.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "burgeridee.urls"
WSGI_APPLICATION = "burgeridee.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "burgeridee.core.context_processors.site",
                "burgeridee.workspace.context_processors.staff_help",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.static"],
        },
    }
]

# Form widgets (inputs, selects, radio and checkbox options) are rendered by Jinja2 with Django's own widget
# templates: the same HTML, two to three times faster on option-heavy forms (docs/benchmark.md).
FORM_RENDERER = "django.forms.renderers.Jinja2"

# Database: SQLite is the embedded default; PostgreSQL through DATABASE_URL.
VAR_DIR = Path(env.str("BURGERIDEE_VAR_DIR", default=BASE_DIR / "var"))
try:
    DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'burgeridee.sqlite3'}")}
except (KeyError, ValueError, ImproperlyConfigured):
    DATABASES = {"default": {"ENGINE": ""}}
if "." not in DATABASES["default"].get("ENGINE", ""):
    # Not the URL itself in the message: it holds the password.
    raise ImproperlyConfigured(
        "DATABASE_URL must be a database URL such as postgres://user:password@host:5432/name or sqlite:///path."
    )
DATABASES["default"] |= {"CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=0), "CONN_HEALTH_CHECKS": True}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
else:
    DATABASES["default"].setdefault("OPTIONS", {}).update({"connect_timeout": 5})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

CACHES = {
    # Shared between processes: rate limits and anything that must hold across workers.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "burgeridee_cache",
    },
    # Per process: small read-mostly data that must survive a short database outage.
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "burgeridee-local",
    },
    # Per process: rendered page fragments whose key is everything they show (the inbox's filter controls),
    # so they cannot be stale; apart from "local" so that they never push its entries out.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "burgeridee-fragments",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
if ENV == "test":
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# Several app servers: Redis serves the cache, the rate limits and the locks (Django's own Redis backend).
REDIS_URL = env.str("REDIS_URL", default="").strip()
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES["default"] = env.cache_url_config(REDIS_URL) | {
        "KEY_PREFIX": "burgeridee",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Staff login: password, then a TOTP code (django-otp); django-axes locks out guessing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Single sign-on with a municipality's own OpenID Connect provider (sso app, docs/sso.md).
    "burgeridee.sso.backends.MunicipalityOIDCBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Burgeridee")
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "burgeridee.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # failed attempts are enough; no log of every successful login with an IP address
AXES_VERBOSE = False
# The client's address, from X-Forwarded-For only through TRUSTED_PROXIES (core/clientip.py, django-ipware):
# the same address for lockouts, rate limits and logs.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
try:
    [ip_network(entry, strict=False) for entry in TRUSTED_PROXIES]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error
AXES_CLIENT_IP_CALLABLE = "burgeridee.core.clientip.client_ip"
# Staff sessions end after this much idle time, and after this long in any case.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_MINUTES", default=30) * 60
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_HOURS", default=12) * 3600
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
# A new staff member (or one whose second factor was reset) sets up their app only through a one-time
# link, valid this long; a password alone never does. Unknown links count against the address's limit.
STAFF_ENROLMENT_LINK_VALID_HOURS = env.int("STAFF_ENROLMENT_LINK_VALID_HOURS", default=72)
RATELIMIT_ENROLMENT_LINK = env.str("RATELIMIT_ENROLMENT_LINK", default="10/h")
# One-time backup codes made at a time (django-otp's static device).
STAFF_BACKUP_CODE_COUNT = 10
# Single sign-on (sso app): how long to wait for a municipality's provider (discovery, token, user info).
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT_SECONDS", default=10)
OIDC_VERIFY_SSL = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Dutch first, English second; store UTC, show Europe/Amsterdam.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LANGUAGE_COOKIE_SECURE = IS_PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
# The manual (docs/manual/, `make docs` builds it into static/dist/handleiding/); every staff page links to its
# part ("Hulp bij deze pagina"). Point it elsewhere when the manual is hosted apart (ends with a slash).
MANUAL_URL = env.str("MANUAL_URL", default=STATIC_URL + "dist/handleiding/")
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [SRC_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
# Private files (django-privates): only the mTLS certificates of zgw-consumers' services (simple_certmanager)
# live here; never served to the public. Served, if ever, through django-sendfile2 to staff.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media"))
PRIVATE_MEDIA_URL = "/private-media/"
SENDFILE_ROOT = PRIVATE_MEDIA_ROOT
SENDFILE_URL = PRIVATE_MEDIA_URL
SENDFILE_BACKEND = env.str("SENDFILE_BACKEND", default="django_sendfile.backends.simple")
WHITENOISE_AUTOREFRESH = not IS_PRODUCTION

# Email. Under `make run` mail goes to files in var/mail/ so a demo user can open links.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Burgeridee <noreply@burgeridee.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The address residents see in emails; links in mail are built from it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Passkeys (django-otp-webauthn) are a second factor only: the password (or the provider) comes first. The
# relying party is this site: its host name and origin, from SITE_URL unless set. Changing the RP ID later
# makes every registered passkey unusable. Browsers allow passkeys only on https:// or http://localhost (not
# on an IP address): under `make run` open http://localhost:8000 to try them.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
_PASSKEY_ORIGIN = SITE_URL if SITE_URL.startswith(("https://", "http://localhost")) else "http://localhost:8000"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list("OTP_WEBAUTHN_ALLOWED_ORIGINS", default=[_PASSKEY_ORIGIN])
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default="") or urlsplit(OTP_WEBAUTHN_ALLOWED_ORIGINS[0]).hostname
OTP_WEBAUTHN_HELPER_CLASS = "burgeridee.accounts.passkeys.PasskeyHelper"

# Security headers. Production mode is what `manage.py check --deploy` checks.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
if IS_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: nothing inline without a nonce, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
        # Violations are reported to us (stored for CSP_REPORT_RETENTION_DAYS), so a broken policy shows up.
        "report-uri": "/csp-melding/",
    }
}
# A request body larger than this is refused before it is read (the largest form is a 2 MB photo).
UPLOAD_MAX_REQUEST_BYTES = env.int("UPLOAD_MAX_REQUEST_BYTES", default=3 * 1024 * 1024)
CSP_REPORT_RETENTION_DAYS = env.int("CSP_REPORT_RETENTION_DAYS", default=14)
RATELIMIT_CSP_REPORT = env.str("RATELIMIT_CSP_REPORT", default="60/h")
# Where security researchers report a vulnerability (/.well-known/security.txt, RFC 9116).
SECURITY_CONTACT = env.str("SECURITY_CONTACT", default="security@burgeridee.example")

# Background tasks (django-tasks): the database backend; `manage.py db_worker` (make worker) runs them.
# `manage.py setup_configuration --yaml-file FILE` applies these steps (docs/configuration.md, "Een
# gemeente inrichten"); each step is idempotent.
SETUP_CONFIGURATION_STEPS = [
    "burgeridee.administration.setup_configuration.MunicipalitiesConfigurationStep",
    "burgeridee.sso.setup_configuration.IdentityProvidersConfigurationStep",
    # zgw-consumers' own step: the ZGW services (`zgw_consumers`) a municipality's case-system
    # registration refers to by identifier (api.setup_configuration).
    "zgw_consumers.contrib.setup_configuration.steps.ServiceConfigurationStep",
    "burgeridee.api.setup_configuration.ZgwConfigurationStep",
]

TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# A worker touches this file while it runs; `manage.py worker_alive` fails when it is older than the limit.
WORKER_HEARTBEAT_FILE = env.str("WORKER_HEARTBEAT_FILE", default="") or str(
    Path(tempfile.gettempdir()) / "burgeridee-worker.heartbeat"
)
WORKER_HEARTBEAT_MAX_AGE = env.int("WORKER_HEARTBEAT_MAX_AGE", default=300)

# The mail outbox (core/outbox.py): every mail is stored with its action and sent by a worker.
# Outside production the writing process also tries it right after the commit (`make run` needs no worker).
OUTBOX_SEND_ON_COMMIT = env.bool("OUTBOX_SEND_ON_COMMIT", default=not IS_PRODUCTION)
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_RETRY_MAX_SECONDS = env.int("OUTBOX_RETRY_MAX_SECONDS", default=3600)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=12)
OUTBOX_ALERT_ATTEMPTS = env.int("OUTBOX_ALERT_ATTEMPTS", default=3)
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=7)
OUTBOX_FAILED_RETENTION_DAYS = env.int("OUTBOX_FAILED_RETENTION_DAYS", default=30)

# Scheduled jobs (`manage.py run_scheduled_jobs`, run every few minutes): each runs once a day for the whole
# installation, at or after this local time.
SCHEDULED_JOBS_AT = env.str("SCHEDULED_JOBS_AT", default="07:00")

# Warm hand-overs: a department answers within this many working days, unless the asker sets another date.
HANDOVER_ANSWER_WORKING_DAYS = env.int("HANDOVER_ANSWER_WORKING_DAYS", default=3)

# Public forms: how many posts one IP address (or, where said, one participant or initiative) may make.
RATELIMIT_IDEA_FORM = env.str("RATELIMIT_IDEA_FORM", default="10/h")
RATELIMIT_MESSAGE_FORM = env.str("RATELIMIT_MESSAGE_FORM", default="30/h")
RATELIMIT_WORKSHOP_REQUEST = env.str("RATELIMIT_WORKSHOP_REQUEST", default="5/h")
# Not per address alone: a workshop's participants share the venue's Wi-Fi (one address for 40 or more people).
# Joining counts per address per workshop (a workshop has at most 200 participants, and some join again after
# losing their cookie); what a participant sends counts per participant (a workshop takes about 30-60 posts each).
RATELIMIT_WORKSHOP_JOIN = env.str("RATELIMIT_WORKSHOP_JOIN", default="300/h")
# Wrong join codes per address: enough for a whole room's typing mistakes, far too few to guess a code.
RATELIMIT_WORKSHOP_CODE_MISSES = env.str("RATELIMIT_WORKSHOP_CODE_MISSES", default="100/h")
RATELIMIT_WORKSHOP_PARTICIPANT = env.str("RATELIMIT_WORKSHOP_PARTICIPANT", default="120/h")
# Per initiative: the status link is personal, and residents may share an address (a library computer).
RATELIMIT_SHOWCASE_CONSENT = env.str("RATELIMIT_SHOWCASE_CONSENT", default="10/h")
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "burgeridee.core.views.ratelimited"
# The client's address through trusted proxies only (TRUSTED_PROXIES); see core/clientip.py.
RATELIMIT_IP_META_KEY = "burgeridee.core.clientip.client_ip"

# Residents' personal status links stay valid this many days after the last activity.
STATUS_LINK_VALID_DAYS = env.int("STATUS_LINK_VALID_DAYS", default=730)
SUBMISSION_KEY_VALID_MINUTES = env.int("SUBMISSION_KEY_VALID_MINUTES", default=15)

# The first conversation: remind a resident who has not reacted to the report after this many working days.
CONVERSATION_REPORT_REMINDER_DAYS = env.int("CONVERSATION_REPORT_REMINDER_DAYS", default=5)

# Plain text lines by default (`make run`); LOG_FORMAT=json writes one JSON object a line (structlog) with the
# request id, the municipality's slug and the user's id, never a resident's personal data.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain").strip().lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be plain or json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "burgeridee.core.observability.json_formatter"},
    },
    # Status and enrolment links carry their secret in the path: masked in every line we write.
    "filters": {"secret_paths": {"()": "burgeridee.core.logfilters.SecretPathFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["secret_paths"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # The development server's request lines go through the same filter instead of Django's own handler.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

if ENV == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# How long the processing log (Logboek dataverwerkingen) is kept, in months.
PROCESSING_LOG_RETENTION_MONTHS = env.int("PROCESSING_LOG_RETENTION_MONTHS", default=60)
# Each processing-log line names its activity in the municipality's register of processing activities
# (AVG art. 30): {activity}, {purpose} and {municipality} (the slug) are filled in; without any of them
# the activity key is appended.
PROCESSING_REGISTER_URL = env.str("PROCESSING_REGISTER_URL", default="urn:burgeridee:processing-activity:")

# Workshop participants' display names are removed this many days after the session (prune_workshop_names).
WORKSHOP_NAME_RETENTION_DAYS = env.int("WORKSHOP_NAME_RETENTION_DAYS", default=30)
# The effect of the workshop: figures only over groups of at least this many participants who opted in.
TRAINING_MIN_GROUP_SIZE = env.int("TRAINING_MIN_GROUP_SIZE", default=5)
# Days after the workshop before participants are offered the follow-up self-assessment (about three months).
TRAINING_FOLLOWUP_DAYS = env.int("TRAINING_FOLLOWUP_DAYS", default=91)

# A handled request for a workshop, training or coaching (name, email, phone) is deleted this many
# months after it was handled (apply_retention).
WORKSHOP_REQUEST_RETENTION_MONTHS = env.int("WORKSHOP_REQUEST_RETENTION_MONTHS", default=12)
# Sign-ups for a meeting (name, email, organisation, attendance) are deleted this many months after the meeting,
# and a coaching trajectory (goals, sessions, private notes, shared initiatives) this many months after it ended
# (apply_retention).
TRAINING_MEETING_SIGNUP_RETENTION_MONTHS = env.int("TRAINING_MEETING_SIGNUP_RETENTION_MONTHS", default=6)
TRAINING_COACHING_RETENTION_MONTHS = env.int("TRAINING_COACHING_RETENTION_MONTHS", default=12)

# The REST API (/api/v1/, docs/api.md): token per API client, scopes, problem+json errors, camelCase JSON.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["burgeridee.api.rest.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["burgeridee.api.rest.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["burgeridee.api.rest.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["djangorestframework_camel_case.render.CamelCaseJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["djangorestframework_camel_case.parser.CamelCaseJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "burgeridee.api.rest.LinkedPagination",
    "EXCEPTION_HANDLER": "burgeridee.api.rest.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="1000/h")
API_RATE_LIMIT_ANONYMOUS = env.str("API_RATE_LIMIT_ANONYMOUS", default="300/h")
SPECTACULAR_SETTINGS = {
    "TITLE": "Burgeridee API",
    "DESCRIPTION": (
        "Initiatieven, tijdlijnen, afspraken, cijfers, de etalage en de kennisbank van een gemeente, volgens de "
        "NL API Design Rules. Uitleg: docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "burgeridee.api.schema.api_version_header",
    ],
}
# Event notifications (CloudEvents) to subscribed systems: api/delivery.py.
NOTIFICATION_TIMEOUT = env.int("NOTIFICATION_TIMEOUT", default=10)
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=8)
NOTIFICATION_RETRY_BASE_SECONDS = env.int("NOTIFICATION_RETRY_BASE_SECONDS", default=30)
NOTIFICATION_RETRY_MAX_SECONDS = env.int("NOTIFICATION_RETRY_MAX_SECONDS", default=3600)
# Only https endpoints in production; http (e.g. a receiver on loopback) elsewhere.
NOTIFICATION_ALLOW_HTTP = env.bool("NOTIFICATION_ALLOW_HTTP", default=not IS_PRODUCTION)

# Error tracking (Sentry or GlitchTip): only when SENTRY_DSN is set; no personal data is sent.
SENTRY_DSN = env.str("SENTRY_DSN", default="").strip()
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default=ENV)
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
if SENTRY_DSN:
    from burgeridee.core.observability import sentry_init  # only with a DSN: the SDK is not loaded otherwise

    sentry_init(dsn=SENTRY_DSN, environment=SENTRY_ENVIRONMENT, traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE)

# Prometheus metrics at /metrics: with `Authorization: Bearer <METRICS_TOKEN>`, or from the machine itself.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
