"""Read a news item from disk into text and metadata: plain text in any common encoding, or
an HTML page whose main text and metadata trafilatura extracts.

The text a :class:`Document` holds is the one every offset of the ingest refers to (code
points, no newline normalisation). Text files are decoded as UTF-8 when they are valid
UTF-8; otherwise charset-normalizer chooses among the single-byte code pages usual for Polish
and Western pages, and a line-by-line decoding handles files that mix UTF-8 with one of
them. Unusable input (empty, binary, a page with no article, too long) raises
:class:`DocumentError` with the file name and the reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

__all__ = ["Document", "DocumentError", "MAX_CHARS", "read_document", "document_stem"]

#: Longest text ingested by default: a news item is a few thousand characters; a file of
#: megabytes is a dump or a book, and an error says how to ingest it all the same.
MAX_CHARS = 1_000_000
# code pages tried for text that is not UTF-8 (Polish pages: cp1250 and ISO-8859-2)
_CODEPAGES = ["cp1250", "iso8859_2", "cp1252", "iso8859_1"]
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
_PL_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_PL_WORDS = {"i", "w", "na", "się", "z", "do", "oraz", "jest", "że", "dla", "od", "przez", "roku"}
_EN_WORDS = {"the", "and", "of", "in", "to", "for", "with", "on", "is", "was", "by", "from"}


class DocumentError(ValueError):
    """A document cannot be ingested; ``str()`` names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class Document:
    """One news item as ingested: ``text`` (what every offset refers to), ``title``,
    ``published`` date, ``language`` (``pl`` or ``en``), ``url``, ``sha256`` of the file's
    bytes, ``encoding`` as detected (``"utf-8"``, ``"cp1250"``, ``"html (utf-8)"``, ...),
    the file ``path`` and the ``stem`` its IRIs and output files are named after."""

    text: str
    path: Path
    stem: str
    sha256: str
    encoding: str
    language: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def text_sha256(self) -> str:
        """SHA-256 of the text in UTF-8: of the file itself for a UTF-8 text file, of the
        extracted or re-encoded text otherwise (the text the offsets refer to)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def document_stem(path: Path) -> str:
    """The ASCII name a document's IRIs and output files use: its file stem, diacritics
    folded, anything but letters, digits, ``_`` and ``-`` turned into ``-``."""
    folded = unicodedata.normalize("NFKD", Path(path).stem.replace("ł", "l").replace("Ł", "L"))
    ascii_ = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_).strip("-").lower() or "document"


def read_document(
    path: Path | str,
    *,
    language: str | None = None,
    published: date | None = None,
    url: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Document:
    """Read ``path`` as a news item. ``language`` (``pl``/``en``; ``None`` or ``auto`` to
    guess), ``published`` and ``url`` override what the document says. Raises
    :class:`DocumentError` for a missing, empty, binary or too long file and for an HTML page
    without article text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read file: {exc.strerror or exc}") from exc
    notes: list[str] = []
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark, as Windows editors save "Unicode" text
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"not valid UTF-16 despite its byte-order mark: {exc}"
            raise DocumentError(path, reason) from exc
        notes.append("UTF-16 text, read as such")
    if _looks_binary(data):
        raise DocumentError(
            path,
            "this is a binary file, not text or HTML (a PDF or office "
            "document must be converted to text first)",
        )
    title = page_date = page_url = None
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or _HTML_START.match(data[:2048]):
        markup, encoding = _decode(data, path, notes, hint=_meta_charset(data))
        text, title, page_date, page_url = _extract_html(markup, path)
        encoding = f"html ({encoding})"
    else:
        text, encoding = _decode(data, path, notes)
        if text.startswith("\ufeff"):
            text = text[1:]
        title = _title_line(text)
    if len(text) > max_chars:
        raise DocumentError(
            path,
            f"the text has {len(text):,} characters, more than the {max_chars:,} a news item "
            "is expected to have; split it, or raise the limit (--max-chars)",
        )
    if language in (None, "auto"):
        language = guess_language(text)
    elif language not in {"pl", "en"}:
        raise DocumentError(path, f"unsupported language {language!r} (pl, en or auto)")
    doc = Document(
        text=text,
        path=path,
        stem=document_stem(path),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        language=language,
        title=title,
        published=published or _parse_iso(page_date),
        url=url or page_url,
        notes=tuple(notes),
    )
    if doc.published is None:
        doc = replace(doc, published=_header_date(text))
    return doc


def guess_language(text: str) -> str:
    """``pl`` or ``en`` from Polish letters and the commonest function words of each."""
    words = re.findall(r"\w+", text[:20000].lower())
    polish = sum(w in _PL_WORDS for w in words) + 3 * sum(c in _PL_LETTERS for c in text[:20000])
    english = sum(w in _EN_WORDS for w in words) * 3
    return "pl" if polish >= english else "en"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head or head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8")):
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return controls > len(head) * 0.05


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _decode(data: bytes, path: Path, notes: list[str], hint: str | None = None) -> tuple[str, str]:
    """Text and the name of its encoding; mixed files are decoded line by line."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    codepage = _best_codepage(data, hint)
    lines = data.splitlines(keepends=True)
    utf8_lines = 0
    parts = []
    for line in lines:
        try:
            parts.append(line.decode("utf-8"))
            if any(b > 127 for b in line):
                utf8_lines += 1
        except UnicodeDecodeError:
            parts.append(line.decode(codepage, errors="replace"))
    if utf8_lines:
        notes.append(
            f"mixed encodings: {utf8_lines} line(s) in UTF-8, the others in {codepage}; "
            "each line was decoded on its own"
        )
        return "".join(parts), f"mixed (utf-8 + {codepage})"
    return data.decode(codepage, errors="replace"), codepage


def _best_codepage(data: bytes, hint: str | None) -> str:
    """The single-byte code page of non-UTF-8 text. charset-normalizer ranks the candidates;
    cp1250 and ISO-8859-2 differ only in a few letters (ą ś ź Ą Ś Ź), so the byte ranges
    decide between them: 0x80–0x9F are control codes in ISO-8859-2 but letters and quotes
    in cp1250, and 0xA1/0xB1/0xB6/0xBC are ą-like letters only in ISO-8859-2."""
    from charset_normalizer import from_bytes

    if hint:
        try:
            "".encode(hint)
            canonical = hint.replace("-", "").replace("_", "")
            if canonical in {"windows1250", "cp1250"}:
                return "cp1250"
            if canonical in {"iso88592", "latin2"}:
                return "iso8859_2"
        except LookupError:
            pass
    best = from_bytes(data, cp_isolation=_CODEPAGES).best()
    guess = best.encoding if best is not None else "cp1250"
    if guess in {"cp1250", "iso8859_2", "windows_1250", "iso8859_1", "cp1252"}:
        c1 = sum(0x80 <= b <= 0x9F for b in data)
        latin2_only = sum(b in (0xA1, 0xB1, 0xA6, 0xB6, 0xAC, 0xBC) for b in data)
        polish = sum(
            b
            in (0xB9, 0xA5, 0x9C, 0x8C, 0x9F, 0x8F, 0xB3, 0xA3, 0xEA, 0xE6, 0xF1, 0xBF, 0xAF, 0xF3)
            for b in data
        )
        if polish or c1 or latin2_only:
            return "iso8859_2" if latin2_only > c1 else "cp1250"
    return {"windows_1250": "cp1250"}.get(guess, guess)


def _extract_html(markup: str, path: Path) -> tuple[str, str | None, str | None, str | None]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise DocumentError(path, f"cannot read the HTML page: {exc}") from exc
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if len(re.findall(r"\w+", text)) < 15:
        raise DocumentError(
            path, "the HTML page has no article text (trafilatura found no main content)"
        )
    title = getattr(result, "title", None)
    if title and not text.startswith(title):
        # the title belongs to what a reader reads and the evidence may point into it
        text = f"{title}\n\n{text}"
    return text, title, getattr(result, "date", None), getattr(result, "url", None)


def _title_line(text: str) -> str | None:
    """The title of a plain-text news item: the line just before (or else after) the date
    line near the top, or else the first line of three words or more."""
    from regiokg.ingest.dates import find_dates

    lines = [line.strip() for line in text.splitlines()[:40] if line.strip()]
    candidates = []
    for n, line in enumerate(lines[:12]):
        if find_dates(line) and len(re.findall(r"[^\W\d]{3,}", line)) <= 6:
            candidates += lines[max(0, n - 1) : n] + lines[n + 1 : n + 2]
            break
    candidates += lines
    for line in candidates:
        words = re.findall(r"[^\W\d]+", line)
        if (
            len(words) >= 3
            and len(line) <= 200
            and not line.endswith(":")
            and not (_BOILERPLATE.search(line))
        ):
            return line
    return None


_BOILERPLATE = re.compile(
    r"niedowidz|rozmiar tekstu|pobieranie|proszę czekać|cookies|zaloguj|szukaj|"
    r"wpisany przez|skip to|log in|sign in|menu",
    re.IGNORECASE,
)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _header_date(text: str) -> date | None:
    """The first full date in the first lines: news pages print their date near the top."""
    from regiokg.ingest.dates import find_dates

    for mention in find_dates(text[:400]):
        if mention.first and len(mention.first) == 10 and mention.first == mention.last:
            return date.fromisoformat(mention.first)
    return None
