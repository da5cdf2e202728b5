"""A local fake of the ZGW APIs (Zaken and Documenten, as Open Zaak offers them) on a loopback port: a small
WSGI app that checks each request against what the standards require and answers like Open Zaak (201 with
`url`). What it checks, and what it does not, is listed in docs/api.md.

Any request it refuses is recorded in `problems` (and answered 400/401/412), so a test asserts on that list.
`fail` is a list of statuses to answer first (e.g. [500]) before checking anything.
`lose` is a list of resources whose next accepted POST does the work and then loses the answer: "zaken" cuts
the connection half-way through the answer, "zaken:timeout" answers only after the client gave up.
GET on a list endpoint answers with the filters the standard defines for it (any other parameter is refused,
as Open Zaak does); `searches` records them.
"""

import base64
import binascii
import json
import threading
import time
import uuid
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt

CLIENT_ID = "burgeridee-test"
SECRET = "een-geheim-van-minstens-32-tekens-lang!"
CRS = "EPSG:4326"

REQUIRED = {
    "zaken": ("zaaktype", "bronorganisatie", "verantwoordelijkeOrganisatie", "startdatum"),
    "rollen": ("zaak", "betrokkeneType", "roltype", "roltoelichting"),
    "statussen": ("zaak", "statustype", "datumStatusGezet"),
    "zaakinformatieobjecten": ("zaak", "informatieobject"),
    "enkelvoudiginformatieobjecten": (
        "bronorganisatie",
        "creatiedatum",
        "titel",
        "auteur",
        "taal",
        "informatieobjecttype",
        "inhoud",
    ),
}
BETROKKENE_TYPES = {
    "natuurlijk_persoon",
    "niet_natuurlijk_persoon",
    "vestiging",
    "organisatorische_eenheid",
    "medewerker",
}
NATUURLIJK_PERSOON_KEYS = {
    "inpBsn",
    "anpIdentificatie",
    "inpA_nummer",
    "geslachtsnaam",
    "voorvoegselGeslachtsnaam",
    "voornamen",
    "geslachtsaanduiding",
    "geboortedatum",
    "verblijfsadres",
    "subVerblijfBuitenland",
}


# The list filters this fake supports, a subset of what the Zaken API 1.x and Documenten API 1.x define.
FILTERS = {
    "zaken": {"identificatie", "bronorganisatie", "zaaktype"},
    "rollen": {"zaak", "roltype", "betrokkeneType"},
    "statussen": {"zaak", "statustype"},
    "zaakinformatieobjecten": {"zaak", "informatieobject"},
    "enkelvoudiginformatieobjecten": {"identificatie", "bronorganisatie"},
}
# Unique together, as the standard (and Open Zaak) enforce: a second POST with the same values is a 400.
UNIQUE = {
    "zaken": ("identificatie", "bronorganisatie"),
    "enkelvoudiginformatieobjecten": ("identificatie", "bronorganisatie"),
    "zaakinformatieobjecten": ("zaak", "informatieobject"),
}
TIMEOUT_DELAY = 1.5  # seconds; the tests set NOTIFICATION_TIMEOUT to 1


class _Threading(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class FakeZgw:
    def __init__(self, fail=(), lose=()):
        self.fail = list(fail)
        self.lose = list(lose)
        self.requests: list[dict] = []  # accepted POSTs, in order
        self.tokens: list[dict] = []  # the claims of every accepted JWT, in order
        self.searches: list[tuple[str, dict]] = []  # accepted GETs: (resource, filters)
        self.problems: list[str] = []
        self.objects: dict[str, dict] = {}  # url -> body
        self.server = make_server("127.0.0.1", 0, self.app, server_class=_Threading, handler_class=_Quiet)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.zaken_url = f"{self.base}/zaken/api/v1/"
        self.documenten_url = f"{self.base}/documenten/api/v1/"
        self.catalogi_url = f"{self.base}/catalogi/api/v1/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # --- the app ---

    def app(self, environ, start_response):
        def answer(status: int, body: dict):
            reason = {
                200: "OK",
                201: "Created",
                400: "Bad Request",
                401: "Unauthorized",
                404: "Not Found",
                412: "Precondition Failed",
                500: "Internal Server Error",
            }
            data = json.dumps(body).encode()
            start_response(
                f"{status} {reason.get(status, 'Error')}",
                [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
            )
            return [data]

        def refuse(status: int, problem: str):
            self.problems.append(f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}: {problem}")
            return answer(status, {"detail": problem})

        if self.fail:
            return answer(self.fail.pop(0), {"detail": "failure asked by the test"})
        path = environ["PATH_INFO"]
        parts = [part for part in path.split("/") if part]
        method = environ["REQUEST_METHOD"]
        if method not in ("GET", "POST") or len(parts) != 4 or parts[1:3] != ["api", "v1"]:
            return refuse(404, "unknown endpoint")
        component, resource = parts[0], parts[3]
        allowed = {
            "zaken": {"zaken", "rollen", "statussen", "zaakinformatieobjecten"},
            "documenten": {"enkelvoudiginformatieobjecten"},
        }
        if resource not in allowed.get(component, ()):
            return refuse(404, "unknown endpoint")

        authorization = environ.get("HTTP_AUTHORIZATION", "")
        if not authorization.startswith("Bearer "):
            return refuse(401, "no Bearer JWT")
        try:
            claims = jwt.decode(authorization[7:], SECRET, algorithms=["HS256"], options={"require": ["iss", "iat"]})
        except jwt.PyJWTError as error:
            return refuse(401, f"bad JWT: {error}")
        if claims.get("client_id") != CLIENT_ID or claims.get("iss") != CLIENT_ID:
            return refuse(401, "unknown client_id")
        self.tokens.append(claims)
        if method == "GET":
            return self.search(resource, environ, answer, refuse)
        if resource == "zaken" and (environ.get("HTTP_ACCEPT_CRS") != CRS or environ.get("HTTP_CONTENT_CRS") != CRS):
            return refuse(412, "Accept-Crs/Content-Crs missing")
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return refuse(415, "not JSON")
        body = json.loads(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)) or b"{}")
        missing = [name for name in REQUIRED[resource] if not body.get(name)]
        if missing:
            return refuse(400, f"missing {missing}")
        problem = self.check(resource, body) or self.duplicate(resource, body)
        if problem:
            return refuse(400, problem)
        url = f"{self.base}/{component}/api/v1/{resource}/{uuid.uuid4()}"
        self.objects[url] = body
        self.requests.append({"resource": resource, "body": body, "url": url, "crs": environ.get("HTTP_CONTENT_CRS")})
        data = json.dumps({"url": url, **{k: v for k, v in body.items() if k != "inhoud"}}).encode()
        for way in (f"{resource}:timeout", resource):
            if way in self.lose:  # the work is done; the answer never arrives whole
                self.lose.remove(way)
                if way.endswith(":timeout"):
                    time.sleep(TIMEOUT_DELAY)
                    break
                start_response("201 Created", [("Content-Type", "application/json"), ("Content-Length", "9999")])
                return [data[:10]]  # then the connection closes: the client reads an incomplete answer
        start_response("201 Created", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    def search(self, resource, environ, answer, refuse):
        if resource == "zaken" and environ.get("HTTP_ACCEPT_CRS") != CRS:
            return refuse(412, "Accept-Crs missing")
        filters = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
        unknown = set(filters) - FILTERS[resource]
        if unknown:
            return refuse(400, f"unknown parameters {sorted(unknown)}")
        self.searches.append((resource, filters))
        results = [
            {"url": url, **{k: v for k, v in body.items() if k != "inhoud"}}
            for url, body in self.objects.items()
            if f"/api/v1/{resource}/" in url and all(body.get(key) == value for key, value in filters.items())
        ]
        if resource == "zaakinformatieobjecten":  # not paginated in the Zaken API
            return answer(200, results)
        return answer(200, {"count": len(results), "next": None, "previous": None, "results": results})

    def duplicate(self, resource: str, body: dict) -> str:
        fields = UNIQUE.get(resource)
        if not fields or not all(body.get(name) for name in fields):
            return ""
        for url, other in self.objects.items():
            if f"/api/v1/{resource}/" in url and all(other.get(name) == body[name] for name in fields):
                return f"{'+'.join(fields)} not unique"
        return ""

    def created(self, resource: str) -> list[str]:
        """The URLs of the objects of one resource this fake holds (whether or not the answer arrived)."""
        return [url for url in self.objects if f"/api/v1/{resource}/" in url]

    def check(self, resource: str, body: dict) -> str:
        if resource == "zaken":
            if len(body.get("omschrijving", "")) > 80:
                return "omschrijving longer than 80"
            for rsin in (body["bronorganisatie"], body["verantwoordelijkeOrganisatie"]):
                if not (len(rsin) == 9 and rsin.isdigit()):
                    return "RSIN must be 9 digits"
            return ""
        if resource in ("rollen", "statussen", "zaakinformatieobjecten") and (
            body["zaak"] not in self.objects or "/zaken/api/v1/zaken/" not in body["zaak"]
        ):
            return "zaak is not a zaak this API created"
        if resource == "rollen":
            if body["betrokkeneType"] not in BETROKKENE_TYPES:
                return "betrokkeneType not in the enum"
            identification = body.get("betrokkeneIdentificatie") or {}
            if not body.get("betrokkene") and not identification:
                return "betrokkene or betrokkeneIdentificatie required"
            if set(identification) - NATUURLIJK_PERSOON_KEYS:
                return f"unknown betrokkeneIdentificatie keys {set(identification) - NATUURLIJK_PERSOON_KEYS}"
        if resource == "zaakinformatieobjecten" and body["informatieobject"] not in self.objects:
            return "informatieobject is not one the Documenten API created"
        if resource == "enkelvoudiginformatieobjecten":
            if body["taal"] != "dut" or len(body["taal"]) != 3:
                return "taal must be ISO 639-2/B"
            try:
                content = base64.b64decode(body["inhoud"], validate=True)
            except (binascii.Error, ValueError):
                return "inhoud is not base64"
            if not content.startswith(b"%PDF"):
                return "inhoud is not a PDF"
        return ""

    def resources(self) -> list[str]:
        return [request["resource"] for request in self.requests]
