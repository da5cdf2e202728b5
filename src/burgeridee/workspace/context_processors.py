from burgeridee import __version__
from burgeridee.workspace.help import help_url


def staff_help(request):
    """The running release (the staff footer) and the manual's part for the page being shown (staff pages only)."""
    match = getattr(request, "resolver_match", None)
    return {
        "BURGERIDEE_VERSION": __version__,
        "help_url": help_url(match.view_name) if match and request.path.startswith("/werkplek/") else None,
    }
