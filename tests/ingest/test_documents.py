"""Reading documents: encodings, HTML pages, and unusable input."""

from __future__ import annotations

from datetime import date

import pytest

from regiokg.ingest.documents import DocumentError, read_document

# our own sentence, not from any source
POLISH = "Śląski Klaster Lotniczy zaprosił źródłowe firmy do Łodzi 12 maja 2015 r.\n"


@pytest.mark.parametrize(
    ("codec", "name"), [("utf-8", "utf-8"), ("cp1250", "cp1250"), ("iso-8859-2", "iso8859_2")]
)
def test_polish_text_in_each_usual_encoding(tmp_path, codec, name):
    path = tmp_path / "news.txt"
    path.write_bytes(("Aktualności klastrów śląskich\n\n" + POLISH * 3).encode(codec))
    doc = read_document(path)
    assert doc.encoding == name
    assert POLISH in doc.text
    assert doc.language == "pl"
    assert doc.published == date(2015, 5, 12)


def test_utf16_with_byte_order_mark(tmp_path):
    path = tmp_path / "news.txt"
    path.write_bytes(("Aktualności\n\n" + POLISH).encode("utf-16"))
    doc = read_document(path)
    assert POLISH in doc.text and any("UTF-16" in note for note in doc.notes)


def test_mixed_encodings_are_decoded_line_by_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(POLISH.encode("utf-8") + POLISH.encode("cp1250"))
    doc = read_document(path)
    assert doc.text == POLISH * 2
    assert doc.encoding.startswith("mixed")
    assert any("mixed encodings" in note for note in doc.notes)


def test_html_page_main_text_and_metadata(heldout_dir):
    doc = read_document(heldout_dir / "h1-aviation-toulouse.html")
    assert doc.encoding == "html (utf-8)"
    assert doc.title == "Silesian aviation firms look to Toulouse"
    assert doc.published == date(2015, 10, 21)
    assert doc.url == "https://news.example.org/2015/10/silesian-aviation-toulouse"
    assert doc.language == "en"
    assert "Cookies policy" not in doc.text and "Related" not in doc.text


def test_html_page_in_cp1250_declared_in_meta(heldout_dir):
    doc = read_document(heldout_dir / "h2-delegacja-lyon.html")
    assert doc.encoding == "html (cp1250)"
    assert "Płockiego Parku Przemysłowo-Technologicznego" in doc.text


def test_options_override_the_document(heldout_dir):
    doc = read_document(
        heldout_dir / "h1-aviation-toulouse.html",
        language="pl",
        published=date(2020, 1, 2),
        url="https://example.org/x",
    )
    assert (doc.language, doc.published, doc.url) == (
        "pl",
        date(2020, 1, 2),
        "https://example.org/x",
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (bytes(range(256)) * 20, "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ],
)
def test_unusable_input_is_refused_with_the_reason(tmp_path, content, reason):
    path = tmp_path / ("page.html" if b"<html" in content else "doc.txt")
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_too_long_text_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(POLISH * 2000, encoding="utf-8")
    with pytest.raises(DocumentError, match="--max-chars"):
        read_document(path, max_chars=10_000)
    assert len(read_document(path, max_chars=1_000_000).text) == len(POLISH) * 2000


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "nope.txt")
