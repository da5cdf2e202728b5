"""What drf-spectacular needs to know beyond the views: the bearer token scheme, and the API-Version
header on every response (NL API Design Rules: documented in the OpenAPI document too)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .rest import API_VERSION

API_VERSION_HEADER = {
    "description": "De volledige versie van de API (major.minor.patch).",
    "schema": {"type": "string", "example": API_VERSION},
    "required": True,
}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "burgeridee.api.rest.ApiTokenAuthentication"
    name = "sleutel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Een sleutel die de functioneel beheerder van de gemeente aanmaakt (Inrichting → API-koppelingen)."
            ),
        }


def api_version_header(result, generator, request, public):
    """Postprocessing hook: every response of every operation carries the API-Version header."""
    result.setdefault("components", {}).setdefault("headers", {})["API-Version"] = API_VERSION_HEADER
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            for response in operation.get("responses", {}).values():
                response.setdefault("headers", {})["API-Version"] = {"$ref": "#/components/headers/API-Version"}
    return result
