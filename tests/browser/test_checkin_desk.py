"""Browser journeys: a registrar prints badges, checks people in at the desk and reads the attendance grid;
the desk's camera reads a ticket's QR code with the decoder the site serves itself."""

import base64
import io
import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from checkin.pdf import ticket_qr
from colloquia.models import Attendance
from colloquia.services import register, withdraw
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, WAIT_MS, login, run_axe
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user

# One session that takes attendance, all of today: whenever the journey runs, it is the current one.
TODAY_ALL_DAY = [(0, "00:00", "23:59", "Technical session on BNSS", "technical", True)]


def event_today(academy):
    return make_event(
        make_index(academy.page), title="Ranchi Colloquium", start=timezone.localdate(), sessions=TODAY_ALL_DAY
    )


@pytest.mark.browser
def test_registrar_prints_badges_checks_people_in_and_sees_them_in_the_grid(live_server, page, academy, registrar):
    event = event_today(academy)
    asha = register(make_user("district_judge", full_name="Asha Verma"), event)
    meena = register(make_user("prosecutor", full_name="Meena Das"), event)
    ravi = register(make_user("police", full_name="Ravi Kumar"), event)
    withdraw(ravi, by=ravi.user)

    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/checkin/")
    assert run_axe(page) == []

    # Badges: asked for, prepared by the task worker (in process here), downloaded when ready.
    page.get_by_role("link", name="Name badges for Ranchi Colloquium").click()
    expect(page.get_by_role("button", name="Prepare the badges")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_label("Badges for").select_option(label="All participants (2 categories)")
    page.get_by_role("button", name="Prepare the badges").click()
    expect(page.get_by_text("Name badges (All participants) are being prepared.")).to_be_visible()
    download = page.get_by_role("link", name="Download (2 badges, PDF) for All participants")
    expect(download).to_be_visible()
    assert run_axe(page) == []
    pdf = page.request.get(f"{live_server.url}{download.get_attribute('href')}")
    assert pdf.headers["content-type"] == "application/pdf"
    (sheet,) = PdfReader(io.BytesIO(pdf.body())).pages
    assert "Asha Verma" in sheet.extract_text() and "Meena Das" in sheet.extract_text()
    assert "Ravi Kumar" not in sheet.extract_text()
    page.goto(f"{live_server.url}/admin/checkin/")

    # The desk, on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Check-in desk for Ranchi Colloquium").click()
    expect(page.get_by_role("heading", name="Check-in: Ranchi Colloquium")).to_be_visible()
    expect(page.get_by_label("Session")).to_have_value(str(event.sessions.get().pk))
    check_in = page.get_by_role("button", name="Check in for “Technical session on BNSS”")
    assert check_in.bounding_box()["height"] >= 44  # a tap target for a thumb
    assert run_axe(page) == []

    for registration, outcome in ((asha, "Checked in"), (ravi, "Not checked in"), (meena, "Checked in")):
        page.get_by_label("Ticket number").fill(registration.ticket.number)
        check_in.click()
        expect(page.locator(".desk-outcome")).to_contain_text(outcome)
        if outcome == "Checked in":
            expect(page.locator(".desk-outcome")).to_contain_text(registration.user.full_name)
        else:
            expect(page.locator(".desk-outcome")).to_contain_text(
                f"Ravi Kumar has withdrawn from this event: ticket {ravi.ticket.number} is no longer valid."
            )
            assert run_axe(page) == []
    expect(page.get_by_text("2 of 2 participants with a confirmed place checked in.")).to_be_visible()
    assert run_axe(page) == []
    assert set(Attendance.objects.values_list("registration__user__full_name", flat=True)) == {
        "Asha Verma",
        "Meena Das",
    }

    # The grid, back at the desk in the office.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/checkin/")
    page.get_by_role("link", name="Attendance grid of Ranchi Colloquium").click()
    grid = page.get_by_role("table", name=re.compile("Participants with a confirmed place"))
    for name in ("Asha Verma", "Meena Das"):
        row = grid.get_by_role("row", name=re.compile(name))
        expect(row.get_by_role("cell", name="Present", exact=True)).to_be_visible()
        expect(row).to_contain_text("1 / 1")
    expect(grid.get_by_role("row", name=re.compile("Ravi Kumar"))).to_have_count(0)
    expect(grid.locator("tfoot td").first).to_have_text("2")  # present at the session, of everyone
    assert run_axe(page) == []


def fake_camera_video(path, png_data_uri):
    """A one-frame Y4M video of the QR code, which Chromium's fake camera plays in a loop."""
    code = Image.open(io.BytesIO(base64.b64decode(png_data_uri.split(",", 1)[1]))).convert("L")
    code = code.resize((code.width * 10, code.height * 10), Image.NEAREST)
    frame = Image.new("L", (640, 480), 255)
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    chroma = bytes([128]) * (320 * 240)
    path.write_bytes(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\nFRAME\n" + frame.tobytes() + chroma + chroma)


@pytest.mark.browser
def test_the_desk_camera_reads_a_ticket_and_checks_its_holder_in(live_server, browser, academy, registrar, tmp_path):
    event = event_today(academy)
    asha = register(make_user("district_judge", full_name="Asha Verma"), event)
    video = tmp_path / "ticket.y4m"
    fake_camera_video(video, ticket_qr(asha.ticket.number))
    # A browser of its own, whose camera films the e-ticket (the shared one has no camera).
    camera_browser = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera_browser.new_context(base_url=live_server.url, locale="en-IN")
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        login(page, live_server, registrar.email)
        page.goto(f"{live_server.url}/checkin/desk/{event.pk}/")
        page.get_by_role("button", name="Scan a QR code with the camera").click()
        # jsQR (this Chromium has no BarcodeDetector) reads the code; the form is sent with the number.
        expect(page.locator(".desk-outcome")).to_contain_text("Checked in")
        expect(page.locator(".desk-outcome")).to_contain_text("Asha Verma")
        record = Attendance.objects.get()
        assert (record.registration_id, record.method, record.recorded_by_id) == (asha.pk, "registrar", registrar.pk)
        # The camera starts again for the next person, and does not send the same ticket twice.
        expect(page.get_by_text("That ticket has just been checked in. Scan the next one.")).to_be_visible()
        assert Attendance.objects.count() == 1
        expect(page.locator(".desk-outcome")).to_contain_text("Checked in")
        expect(page.locator(".desk-outcome")).not_to_contain_text("Already")
    finally:
        camera_browser.close()
