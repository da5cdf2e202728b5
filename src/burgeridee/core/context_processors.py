from django.conf import settings


def site(request):
    """What every page needs: the municipality being shown (set by the view) and the mode."""
    return {
        "municipality": getattr(request, "municipality", None),
        "DEMO_MODE": settings.DEMO_MODE,
    }
