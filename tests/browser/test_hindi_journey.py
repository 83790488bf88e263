"""हिन्दी में: an officer signs up, enrols, reads a lesson, passes the quiz, receives the certificate
in Hindi and verifies it, every page in Hindi (lang="hi", axe clean, no English on the way but
names and the abbreviations of Acts)."""

import re
from io import BytesIO

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader
from wagtail.models import Locale

from accounts.models import User
from accounts.roles import RoleStatus
from certificates.models import Certificate
from tests.courses.conftest import make_index, make_module
from tests.factories import make_academy, make_home

from .conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Latin-script words a Hindi page may show: names (of people, the academy, the platform) and
# abbreviations that Hindi legal text writes in Latin script.
ALLOWED_LATIN = {
    "Colloquium",
    "BNS",
    "BNSS",
    "BSA",
    "IPC",
    "PDF",
    "QR",
    "Jharkhand",
    "State",
    "Judicial",
    "Academy",
    "JSJA",
    "Smt",
    "Rekha",
    "Soren",
    "Rs",
    "CSV",
    "Open",
    "Badges",
    "API",
    "SHA",
    "English",  # the switcher names each language in itself
    "JavaScript",
    "Badge",
    "jwt",
    "json",
    "ey",  # a product name, file types, the start of a credential (eyJ…)
}


def english_left(page):
    # Email addresses are the person's; addresses and paths (/.well-known/jwks.json) are not words.
    # Serials, hashes and codes (anything with a digit) are not words either.
    text = re.sub(r"\S+@\S+|\S*/\S*|\S*\d\S*", " ", page.locator("body").inner_text())
    words = re.findall(r"[A-Za-z]{2,}", text)
    serial = re.compile(r"^[A-Z]{2,}$")  # certificate serials and codes: capitals and digits
    return sorted({w for w in words if w not in ALLOWED_LATIN and not serial.match(w)})


# The Hindi page's weight before images, fonts included (the budget).
WEIGHT_BUDGET = 150 * 1024

PAGE_WEIGHT_JS = """async () => {
  await document.fonts.ready;
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  const image = /\\.(png|jpe?g|svg|webp|gif|ico)(\\?|$)/;
  const counted = entries.filter(e => e.initiatorType !== 'img' && !image.test(e.name));
  return {bytes: counted.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
          fonts: counted.filter(e => /\\.woff2/.test(e.name)).map(e => e.name)};
}"""


def check_page(page):
    assert page.locator("html").get_attribute("lang") == "hi", page.url
    assert run_axe(page) == [], page.url
    left = english_left(page)
    if left:
        html = page.content()
        spots = [html[max(0, m.start() - 200) : m.end() + 40] for w in left[:2] for m in [re.search(w, html)] if m]
        raise AssertionError(f"{page.url}: {left} in {spots}")


def translate(page, hindi, **fields):
    translated = page.copy_for_translation(hindi, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def hindi_module():
    hindi = Locale.objects.get(language_code="hi")
    home = make_home()
    translate(home, hindi, title="कोलोक्वियम", hero_heading="मानव दुर्व्यापार पर न्यायिक प्रशिक्षण")
    academy = make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    translate(academy.page.specific, hindi, title="झारखंड राज्य न्यायिक अकादमी")
    index = make_index(academy.page)
    translate(index, hindi, title="प्रशिक्षण मॉड्यूल")
    module = make_module(index, lessons=2, questions=2, pass_mark=50, title="Trafficking after 1 July 2024")
    module.questions_drawn = 2
    module.save_revision().publish()
    hindi_module = translate(
        module,
        hindi,
        title="1 जुलाई 2024 के बाद दुर्व्यापार का अपराध",
        summary="भारतीय न्याय संहिता की धारा 143 के अधीन व्यक्तियों का दुर्व्यापार।",
        outcomes="धारा 143 को किसी मामले के तथ्यों पर लागू करना",
    )
    for i, question in enumerate(hindi_module.questions.all(), start=1):
        question.text = f"प्रश्न {i}: भारतीय न्याय संहिता की कौन-सी धारा लागू होती है?"
        question.feedback = "धारा 143 व्यक्तियों के दुर्व्यापार को दंडनीय बनाती है।"
        for option in question.options:
            option.value["text"] = "धारा 143" if option.value["correct"] else "धारा 370"
        question.save()
    for n, lesson in enumerate(module.get_children().specific(), start=1):
        translate(
            lesson,
            hindi,
            title=f"पाठ {n}: व्यक्तियों का दुर्व्यापार",
            body=[("paragraph", "<p>भारतीय न्याय संहिता, 2023 की धारा 143 शोषण के प्रयोजन से भर्ती को अपराध बनाती है।</p>")],
        )
    return module


def test_an_officer_goes_from_sign_up_to_a_verified_certificate_in_hindi(page, live_server, browser):
    module = hindi_module()

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="हिन्दी").click()
    expect(page).to_have_url(live_server.url + "/hi/")
    check_page(page)

    page.get_by_role("link", name="खाता बनाएँ").first.click()
    check_page(page)
    page.fill("input[name=email]", "rekha@example.test")
    page.fill("input[name=password1]", "Stronger-Passw0rd!")
    page.fill("input[name=password2]", "Stronger-Passw0rd!")
    page.fill("input[name=full_name]", "Smt. Rekha Soren")
    page.select_option("select[name=role]", "district_judge")
    page.select_option("select[name=state]", label="झारखंड")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("main")).to_contain_text("सत्यापन")
    check_page(page)

    confirmation = mail.outbox[-1]
    assert "ईमेल" in confirmation.subject + confirmation.body  # in the language signed up in
    link = re.search(r"https?://[^/\s]+(/hi/accounts/confirm-email/\S+/)", confirmation.body).group(1)
    page.goto(live_server.url + link)
    check_page(page)
    page.get_by_role("button", name="पुष्टि करें").click()

    officer = User.objects.get(email="rekha@example.test")
    assert officer.preferred_language == "hi"
    officer.role_status = RoleStatus.VERIFIED  # the academy's registrar verifies the role
    officer.save()

    page.goto(live_server.url + "/hi/accounts/login/")
    page.fill("input[name=login]", "rekha@example.test")
    page.fill("input[name=password]", "Stronger-Passw0rd!")
    page.get_by_role("button", name="साइन इन करें").click()
    page.wait_for_url(re.compile("/hi/accounts/dashboard/"))
    check_page(page)

    page.goto(live_server.url + "/hi" + module.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("1 जुलाई 2024 के बाद दुर्व्यापार का अपराध")
    check_page(page)
    page.get_by_role("button", name="इस मॉड्यूल में नामांकन करें").click()
    expect(page.locator("main")).to_contain_text("भारतीय न्याय संहिता, 2023 की धारा 143")
    check_page(page)
    page.reload()  # measured on a fresh load: the document and everything it pulls in, fonts included
    weight = page.evaluate(PAGE_WEIGHT_JS)
    assert weight["fonts"], "the Devanagari font is served by the site and used"
    assert weight["bytes"] <= WEIGHT_BUDGET, weight
    # Its glyphs are shaped: the conjunct in धारा's neighbours and the reph of "दुर्व्यापार" take the width
    # of a shaped word, narrower than its characters set one by one.
    shaped, loose = page.evaluate(
        """() => { const c = document.createElement('canvas').getContext('2d');
        c.font = '16px "Colloquium Devanagari"';
        const word = 'दुर्व्यापार';
        return [c.measureText(word).width, [...word].reduce((w, ch) => w + c.measureText(ch).width, 0)]; }"""
    )
    assert shaped < loose
    page.get_by_role("button", name="पूर्ण चिह्नित करें और आगे बढ़ें").click()
    page.get_by_role("button", name="पूर्ण चिह्नित करें और आगे बढ़ें").click()

    page.get_by_role("button", name="प्रश्नोत्तरी दें").click()
    expect(page.get_by_role("button", name="उत्तर प्रस्तुत करें")).to_be_visible()
    check_page(page)
    for question in page.locator("fieldset").all():
        question.get_by_label("धारा 143").check()
    page.get_by_role("button", name="उत्तर प्रस्तुत करें").click()
    expect(page.locator("main")).to_contain_text("100%")
    check_page(page)

    certificate = Certificate.objects.get(user=officer)
    assert certificate.language == "hi"
    page.goto(live_server.url + "/hi/certificates/")
    check_page(page)
    with page.expect_download() as download:
        # The link's words wrap in the narrow column: clicked on its first word, as a reader would.
        page.get_by_role("link", name=f"{certificate.serial} की PDF डाउनलोड करें").click(position={"x": 8, "y": 6})
    with open(download.value.path(), "rb") as downloaded:
        text = "".join(p.extract_text() for p in PdfReader(BytesIO(downloaded.read())).pages)
    text = " ".join(text.split())  # the PDF breaks lines where the page does
    assert "1 जुलाई 2024 के बाद दुर्व्यापार का अपराध" in text and "पूर्णता प्रमाणपत्र" in text
    assert "Smt. Rekha Soren ने" in text  # no stray commas for the designation and court left blank

    visitor = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()  # for axe-core
    visitor.goto(f"{live_server.url}/hi/certificates/verify/")
    check_page(visitor)
    visitor.get_by_label("सत्यापन कोड").fill(certificate.verification_code)
    visitor.get_by_role("button", name="कोड जाँचें").click()
    expect(visitor.locator("#certificate-status")).to_be_visible()
    check_page(visitor)
    visitor.context.close()
