"""The client's address: from X-Forwarded-For only through the proxies the installation trusts.

One function for every place that needs it: django-axes' lockouts (AXES_CLIENT_IP_CALLABLE),
django-ratelimit's limits (RATELIMIT_IP_META_KEY) and the logs. TRUSTED_PROXIES lists the reverse
proxies and load balancers (addresses or CIDR ranges). When the direct peer (REMOTE_ADDR) is one of
them, X-Forwarded-For is read from the right, skipping trusted hops: the first hop that is not a
trusted proxy is the client (a client cannot push itself past the proxies by sending its own header,
because the proxies append to it). When the peer is not trusted, or nothing is trusted (the default),
the header is ignored and REMOTE_ADDR is the client.

The header is parsed by python-ipware (django-ipware's engine: ports, brackets, IPv6, RFC 7239 forms);
its own trusted-proxy option matches a fixed number of hops at fixed positions, which does not fit a
set of trusted load balancers, so the walk below decides which hop is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from python_ipware.modern.parsers import parse_ip, split_proxy_chain, unwrap_ipv4


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _trusted(ip, networks) -> bool:
    return ip is not None and any(ip.version == net.version and ip in net for net in networks)


def client_ip(request) -> str:
    """The client's IP address as text (REMOTE_ADDR unless a trusted proxy forwarded the request)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    peer = parse_ip(remote)
    if not networks or not _trusted(peer and unwrap_ipv4(peer), networks):
        return remote
    chain = split_proxy_chain(request.META.get("HTTP_X_FORWARDED_FOR", "")) or []
    hops = [unwrap_ipv4(ip) for ip in chain]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return str(hop)
    # Every hop is a trusted proxy (a request from inside): the left-most one started it.
    return str(hops[0]) if hops else remote
