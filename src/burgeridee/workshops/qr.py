import base64
import io

import qrcode
import qrcode.image.svg


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI (the CSP allows img data:)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
