"""Emblems and signature images for the demo academies (content/academy_artwork.yaml).

Drawn here with Pillow, so the demo certificates print an emblem and signatures without
reproducing any real one: a ring with the academy's name round it, a pair of scales and the
academy's code inside; for each signatory, a pen stroke shaped by their name. The images go
into the academy's collection and onto the academy record, as an editor would upload them.
"""

import io
import math
import random
import re
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from academies.models import Academy

from ..content import CONTENT_DIR, TEXT, ContentError, check_fields, check_list, read_yaml

FILE = "academy_artwork.yaml"
ITEM = {"short_code": (TEXT, True), "colour": (TEXT, True), "accent": (TEXT, True), "ink": (TEXT, True)}
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
FONTS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "fonts"
EMBLEM_PX, SCALE = 360, 3  # drawn three times larger and reduced, for smooth edges


def _item(data, where):
    check_fields(data, ITEM, where)
    for field in ("colour", "accent", "ink"):
        if not COLOUR.fullmatch(data[field]):
            raise ContentError(f"{where}.{field}: use a colour like '#1f3a5f'")
    return data


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), {"academies": (list, True)}, FILE)
    check_list(data["academies"], f"{FILE}: academies", _item)
    return data


def _font(size, bold=True):
    return ImageFont.truetype(str(FONTS / ("NotoSerif-Bold.ttf" if bold else "NotoSerif-Regular.ttf")), size)


def draw_emblem(name, code, colour, accent):
    """A round emblem as PNG bytes: the name round a double ring, scales and the code inside."""
    size = EMBLEM_PX * SCALE
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    centre, unit = size / 2, size / 100

    def ring(radius, width, fill):
        draw.ellipse(
            [centre - radius, centre - radius, centre + radius, centre + radius], outline=fill, width=int(width)
        )

    ring(49 * unit, 2.2 * unit, colour)
    ring(46 * unit, 0.6 * unit, accent)
    ring(33 * unit, 0.6 * unit, accent)
    # The name round the ring, clockwise from the left, each letter turned to face outwards.
    text = f"{name.upper()} ·"
    font = _font(int(6.2 * unit))
    radius, arc = 39.5 * unit, 300
    step = arc / max(len(text) - 1, 1)
    for position, letter in enumerate(text):
        angle = math.radians(-150 + position * step)  # -150° is lower left; 0° is the top
        tile = Image.new("RGBA", (int(9 * unit), int(9 * unit)), (255, 255, 255, 0))
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), letter, font=font, fill=colour, anchor="mm")
        tile = tile.rotate(-math.degrees(angle), resample=Image.BICUBIC)
        x = centre + radius * math.sin(angle) - tile.width / 2
        y = centre - radius * math.cos(angle) - tile.height / 2
        image.alpha_composite(tile, (int(x), int(y)))
    # The scales: a pillar on a base, a beam, two chains and two pans.
    line = int(1.4 * unit)
    draw.line([(centre, 31 * unit), (centre, 66 * unit)], fill=colour, width=line)
    draw.polygon([(centre - 8 * unit, 70 * unit), (centre + 8 * unit, 70 * unit), (centre, 64 * unit)], fill=colour)
    draw.line([(centre - 20 * unit, 38 * unit), (centre + 20 * unit, 38 * unit)], fill=colour, width=line)
    draw.ellipse([centre - 2.2 * unit, 29 * unit, centre + 2.2 * unit, 33.4 * unit], fill=accent)
    for side in (-1, 1):
        hook = centre + side * 20 * unit
        draw.line([(hook, 38 * unit), (hook - 7 * unit, 52 * unit)], fill=colour, width=int(0.6 * unit))
        draw.line([(hook, 38 * unit), (hook + 7 * unit, 52 * unit)], fill=colour, width=int(0.6 * unit))
        draw.chord([hook - 8 * unit, 46 * unit, hook + 8 * unit, 58 * unit], 0, 180, fill=accent, outline=colour)
    draw.text((centre, 77 * unit), code, font=_font(int(7 * unit)), fill=colour, anchor="mm")
    return _png(image.resize((EMBLEM_PX, EMBLEM_PX), Image.LANCZOS))


def draw_signature(name, ink):
    """A signature-like pen stroke as PNG bytes, the same for the same name: a tall opening
    stroke, then one loop per letter of the surname (a prolate cycloid, as cursive loops are),
    each of its own height, and a flourish underneath."""
    width, height = 480 * SCALE, 150 * SCALE
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    chance = random.Random(name)  # noqa: S311 - a drawing, not a secret
    words = [word for word in re.split(r"[^A-Za-z]+", name) if len(word) > 1]
    surname = (words[-1] if words else "signature")[:9]
    base, x = height * 0.66, 28.0 * SCALE
    stroke = [(x, base + 6 * SCALE)]
    # The opening capital: up, round and down again.
    stroke += [(x + 10 * SCALE, height * 0.12), (x + 26 * SCALE, height * 0.2), (x + 18 * SCALE, base)]
    x += 30 * SCALE
    for _ in surname:
        loop, advance = chance.uniform(14, 46) * SCALE, chance.uniform(24, 34) * SCALE
        for step in range(13):
            t = 2 * math.pi * step / 12
            rise = loop * (1 - math.cos(t)) / 2
            # A right-leaning hand: the higher the pen, the further right.
            stroke.append((x + advance * t / (2 * math.pi) - 0.3 * advance * math.sin(t) + 0.35 * rise, base - rise))
        x += advance
    stroke.append((x + 30 * SCALE, base - 14 * SCALE))
    draw.line(_smooth(stroke, 4), fill=ink, width=int(2.4 * SCALE), joint="curve")
    flourish = _smooth([(40 * SCALE, height * 0.86), (x * 0.55, height * 0.93), (x + 40 * SCALE, height * 0.78)])
    draw.line(flourish, fill=ink, width=int(1.6 * SCALE), joint="curve")
    left, top, right, bottom = image.getbbox()  # trimmed, so the image centres over the name
    pad = 6 * SCALE
    image = image.crop((max(left - pad, 0), 0, min(right + pad, width), height))
    return _png(image.resize((image.width // SCALE, height // SCALE), Image.LANCZOS))


def _smooth(points, steps=12):
    """A Catmull-Rom curve through `points`."""
    padded = [points[0], *points, points[-1]]
    curve = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1 : i + 3]
        for step in range(steps):
            t = step / steps
            curve.append(
                tuple(
                    0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t**3)
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    curve.append(points[-1])
    return curve


def _png(image):
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _image(title, body, file_name, collection):
    fields = {"title": title, "file": ImageFile(io.BytesIO(body), name=file_name)}
    if collection is not None:
        fields["collection"] = collection
    return get_image_model().objects.create(**fields)


def load(stdout, data=None):
    data = data or read()
    created = 0
    for item in data["academies"]:
        academy = Academy.objects.filter(short_code=item["short_code"]).first()
        if academy is None:
            raise ContentError(f"{FILE}: no academy {item['short_code']!r} (academies.yaml must list it)")
        code = academy.short_code.lower()
        if academy.logo_id is None:
            body = draw_emblem(academy.name, academy.short_code, item["colour"], item["accent"])
            academy.logo = _image(f"Emblem of {academy.name} (demo)", body, f"emblem-{code}.png", academy.collection)
            academy.save(update_fields=["logo"])
            created += 1
        for signatory in academy.signatories.filter(signature__isnull=True):
            body = draw_signature(signatory.name, item["ink"])
            title = f"Signature of {signatory.name} (demo)"
            signatory.signature = _image(title, body, f"signature-{code}-{signatory.pk}.png", academy.collection)
            signatory.save(update_fields=["signature"])
            created += 1
    return created
