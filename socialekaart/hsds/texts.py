"""Plain text for HSDS's free-text fields, and back.

HSDS text fields are plain text. Our rich text (paragraphs, lists, bold, links) becomes
paragraphs separated by a blank line, list items lines starting with ``- ``; reading it
back gives paragraphs and lists again. ``text_to_html(html_to_text(x))`` loses only
inline markup (bold, links), and ``html_to_text(text_to_html(t)) == t`` for text in
that form, so an export imported and exported again is unchanged.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol"}
SPACE = re.compile(r"[ \t\r\f\v]+")
BULLET = "- "


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.current: list[str] = []
        self.in_item = False

    def _flush(self) -> None:
        line = SPACE.sub(" ", "".join(self.current)).strip()
        self.current = []
        if not line:
            return
        if self.in_item:
            line = BULLET + line
            if (
                self.blocks
                and self.blocks[-1]
                and self.blocks[-1][-1].startswith(BULLET)
            ):
                self.blocks[-1].append(line)
                return
        self.blocks.append([line])

    def handle_starttag(self, tag, attrs) -> None:
        if tag in BLOCKS or tag == "li":
            self._flush()
        if tag == "li":
            self.in_item = True
        if tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag) -> None:
        if tag == "li":
            self._flush()
            self.in_item = False
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data) -> None:
        self.current.append(data.replace("\n", " "))

    def text(self) -> str:
        self._flush()
        return "\n\n".join("\n".join(lines) for lines in self.blocks)


def html_to_text(html: str) -> str:
    if not html:
        return ""
    parser = _Flattener()
    parser.feed(str(html))
    parser.close()
    return parser.text()


def paragraphs(text: str) -> list[str]:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def text_to_html(text: str) -> str:
    """Paragraphs to ``<p>``; a paragraph whose lines all start with ``- `` to a list."""
    parts = []
    for paragraph in paragraphs(text):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if all(line.startswith(BULLET) for line in lines):
            items = "".join(
                f"<li>{escape(line[len(BULLET) :].strip(), quote=False)}</li>"
                for line in lines
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            joined = SPACE.sub(" ", " ".join(lines))
            parts.append(f"<p>{escape(joined, quote=False)}</p>")
    return "".join(parts)


def join_paragraphs(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def numbered(lines: list[str]) -> str:
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, 1))


NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")


def unnumbered(text: str) -> list[str]:
    """The steps of an ``application_process``: numbered lines (``1. ...``) become one
    step each; text without numbers becomes one step per paragraph."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    matches = [NUMBERED.match(line) for line in lines]
    if lines and all(matches):
        return [match.group(2).strip() for match in matches if match]
    return [SPACE.sub(" ", part.replace("\n", " ")) for part in paragraphs(text)]


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a sentence or word end to at most ``limit`` characters."""
    text = SPACE.sub(" ", text.replace("\n", " ")).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence_end >= limit // 2:
        return cut[: sentence_end + 1]
    word_end = cut[: limit - 1].rfind(" ")
    return (cut[:word_end] if word_end > 0 else cut[: limit - 1]).rstrip(" ,;:") + "…"
