"""A showcase photo is re-encoded before it is stored: nothing of the original file survives but its
pixels. Cameras and phones write EXIF data (GPS position, time, device) into a photo; published on the
municipality's website it would tell anyone where and when a resident was. Re-encoding with Pillow
drops every metadata block, turns the picture upright by its EXIF orientation first, and caps its
size, so the public page never serves a file the municipality did not mean to publish."""

from io import BytesIO

from PIL import Image, ImageOps

MAX_SIDE = 2000  # pixels; enough for any web page, and it bounds what a page must load
PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def photo_reencode(upload) -> tuple[bytes, str]:
    """(bytes, content type) of a clean copy of an uploaded JPEG or PNG, without any metadata."""
    upload.seek(0)
    with Image.open(upload) as original:
        kind = original.format
        picture = ImageOps.exif_transpose(original)  # upright, before the orientation tag is dropped
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
        if kind == "JPEG":
            picture = picture.convert("RGB")
        elif picture.mode not in ("RGB", "RGBA", "L", "LA"):
            picture = picture.convert("RGBA")
        # A new image from the pixels alone: no EXIF, XMP, ICC profile, comment or PNG text comes along.
        clean = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    out = BytesIO()
    if kind == "JPEG":
        clean.save(out, format="JPEG", quality=85, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=True)
    return out.getvalue(), PHOTO_TYPES[kind]
