"""The reference a certificate render is judged against: the same certificate written the plain way.

One A4 landscape page with the certificate's printed text (heading, the recipient's name in
English and Devanagari, the statement, title, dates, serial and signatories) in the same Noto
fonts, rendered by WeasyPrint's documented API with nothing else: no cached stylesheet, no
sandboxed URL fetcher, no per-syllable font aliases, no QR code. It is timed in the same process,
interleaved with the real render, so a machine running at half speed slows both alike and the
ratio between them is what `make bench` judges (target: the real render no slower than this).
"""

from html import escape
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "core" / "static" / "core" / "fonts"

STYLE = """
@font-face {{ font-family: "Noto Serif"; src: url("{fonts}/NotoSerif-Regular.ttf"); font-weight: 400; }}
@font-face {{ font-family: "Noto Serif"; src: url("{fonts}/NotoSerif-Bold.ttf"); font-weight: 700; }}
@font-face {{ font-family: "Noto Sans"; src: url("{fonts}/NotoSans-Regular.ttf"); }}
@font-face {{ font-family: "Noto Sans Devanagari"; src: url("{fonts}/NotoSansDevanagari-Regular.ttf"); }}
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: "Noto Serif", "Noto Sans Devanagari", serif; text-align: center; color: #1b1b1b; }}
h1 {{ font-size: 30pt; margin: 10mm 0 4mm; }}
.name {{ font-size: 22pt; font-weight: 700; margin: 2mm 0; }}
.name-hi {{ font-family: "Noto Sans Devanagari"; font-size: 18pt; }}
.small {{ font-family: "Noto Sans"; font-size: 9pt; }}
.signatories {{ display: flex; justify-content: space-around; margin-top: 16mm; }}
"""


def certificate_reference_html(cert):
    """The plain HTML of `cert`'s printed text."""
    signatories = "".join(
        f"<div><strong>{escape(s.get('name', ''))}</strong><br>{escape(s.get('designation', ''))}</div>"
        for s in cert.signatories
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{STYLE.format(fonts=FONTS.as_uri())}</style>"
        f"</head><body><p class='small'>{escape(cert.academy_name)}</p><h1>{escape(cert.heading)}</h1>"
        f"<p>This is to certify that</p><p class='name'>{escape(cert.recipient_name)}</p>"
        f"<p class='name-hi'>{escape(cert.recipient_name_devanagari)}</p>"
        f"<p>{escape(cert.statement)}</p><p><em>{escape(cert.title)}</em></p>"
        f"<p class='small'>{cert.start_date:%d %B %Y} to {cert.end_date:%d %B %Y}</p>"
        f"<div class='signatories'>{signatories}</div>"
        f"<p class='small'>Certificate {escape(cert.serial)} · verify at {escape(cert.verify_url)}</p></body></html>"
    )


def render_reference(cert):
    from weasyprint import HTML

    return HTML(string=certificate_reference_html(cert)).write_pdf()


MODULE_STYLE = """
@font-face {{ font-family: "Noto Sans"; src: url("{fonts}/NotoSans-Regular.ttf"); font-weight: 400; }}
@font-face {{ font-family: "Noto Sans"; src: url("{fonts}/NotoSans-Bold.ttf"); font-weight: 700; }}
@font-face {{ font-family: "Noto Sans Devanagari"; src: url("{fonts}/NotoSansDevanagari-Regular.ttf"); }}
@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: "Noto Sans", "Noto Sans Devanagari", sans-serif; font-size: 10.5pt; line-height: 1.5; }}
section {{ break-before: page; }}
"""


def module_reference_html(module_title, lessons):
    """The plain HTML of a module's printed text: `lessons` is [(title, [paragraph text, ...])]. No contents,
    page numbers, boxes or tagging: what the module PDF adds is what its ratio to this measures."""
    sections = "".join(
        f"<section><h2>{escape(title)}</h2>{''.join(f'<p>{escape(p)}</p>' for p in paragraphs)}</section>"
        for title, paragraphs in lessons
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{MODULE_STYLE.format(fonts=FONTS.as_uri())}"
        f"</style></head><body><h1>{escape(module_title)}</h1>{sections}</body></html>"
    )


def render_module_reference(html):
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
