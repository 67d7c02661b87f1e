"""The page at `/` in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`)
driven by Selenium. It submits a seed article and checks the highlighted spans against the API's
answer, and shows article text as text, never as HTML.

`.ci/run` installs the browser and sets QUOTES_REQUIRE_BROWSER=1, so there a missing browser is
a failure; elsewhere these tests are skipped without one.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from service.app import create_app
from service.config import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")

if not (CHROMIUM and DRIVER):
    if os.environ.get("QUOTES_REQUIRE_BROWSER"):
        raise RuntimeError("QUOTES_REQUIRE_BROWSER is set but chromium or chromedriver is missing")
    pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402  (only where a browser exists)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(attributor) -> Iterator[str]:
    """The app on a free loopback port, in a thread of this process."""
    app = create_app(Settings(examples_dir=str(SEEDS)), attributor=attributor)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def find_quotes(browser, base_url: str, text: str | None = None, example: str | None = None) -> None:
    browser.get(base_url + "/")
    if example is not None:
        WebDriverWait(browser, 10).until(
            lambda d: example in [o.text for o in Select(d.find_element(By.ID, "example")).options])
        Select(browser.find_element(By.ID, "example")).select_by_visible_text(example)
    else:
        browser.find_element(By.ID, "article").send_keys(text)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 60).until(expected_conditions.visibility_of_element_located((By.ID, "result")))


def marks(browser) -> list[dict]:
    return browser.execute_script(
        "return [...document.querySelectorAll('#text mark')].map(m => ({quote: m.dataset.quote, "
        "start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent}))")


def test_a_seed_article_is_highlighted_as_the_api_answers(browser, base_url, attributor, tmp_path):
    path = sorted(SEEDS.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    expected = attributor.extract(text).to_dict()
    find_quotes(browser, base_url, example=path.stem)
    browser.save_screenshot(str(tmp_path / "page.png"))
    drawn = marks(browser)
    fragments = {q["id"]: [(f["start"], f["end"]) for f in q["fragments"]] for q in expected["quotes"]}
    assert {m["quote"] for m in drawn} == set(fragments)  # every quote, split ones included, is drawn
    covered = set()
    for m in drawn:
        assert m["text"] == text[m["start"]:m["end"]]  # the service's offsets, drawn where they point
        assert any(s <= m["start"] and m["end"] <= e for s, e in fragments[m["quote"]])
        covered.update(range(m["start"], m["end"]))
    assert covered == {i for spans in fragments.values() for s, e in spans for i in range(s, e)}
    speakers = browser.find_elements(By.CSS_SELECTOR, "#speakers button")
    assert len(speakers) == len(expected["speakers"])
    assert (tmp_path / "page.png").stat().st_size > 0


def test_focusing_a_quote_shows_its_speaker_and_a_speaker_filters_the_quotes(browser, base_url):
    text = ('Mayor Sarah Johnson said the bridge would reopen in May. "We are close," she told reporters.\n\n'
            'Tom Reyes, a city engineer, said the repairs were "nearly finished".')
    find_quotes(browser, base_url, text=text)
    first = browser.find_element(By.CSS_SELECTOR, "#text mark[tabindex='0']")
    first.send_keys("")  # focus it, as the Tab key would
    browser.execute_script("arguments[0].focus()", first)
    details = browser.find_element(By.ID, "details").text
    assert "Sarah Johnson" in details and "Confidence" in details
    reyes = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#speakers button") if "Reyes" in b.text)
    reyes.click()
    assert reyes.get_attribute("aria-pressed") == "true"
    dimmed = browser.find_elements(By.CSS_SELECTOR, "#text mark.dim")
    assert dimmed and all("Reyes" not in (m.get_attribute("aria-label") or "") for m in dimmed)


def test_article_text_is_shown_as_text_never_run(browser, base_url):
    text = ('<script>window.injected = 1</script><img src=x onerror="window.injected = 2"> '
            '"The <b>plan</b> works," the mayor said.')
    find_quotes(browser, base_url, text=text)
    assert browser.execute_script("return window.injected") is None
    shown = browser.find_element(By.ID, "text").text
    assert "<script>window.injected = 1</script>" in shown and "<b>plan</b>" in shown


def test_offsets_hold_beyond_the_basic_plane(browser, base_url):
    # the service counts code points, JavaScript UTF-16 units: an emoji before a quote shifts them
    text = 'Fans cheered 🎉🎉. "We won the cup," the captain said.'
    find_quotes(browser, base_url, text=text)
    drawn = marks(browser)
    assert drawn and all(m["text"] == text[m["start"]:m["end"]] for m in drawn)
