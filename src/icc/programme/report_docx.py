"""The annual report as DOCX: the report's own HTML (``annual_report_document.html``) walked
with the standard library's HTML parser and written with python-docx, so the Word file says
exactly what the HTML and PDF say. Only the tags that template uses are handled: headings,
paragraphs, list items, tables; links keep their text."""

from __future__ import annotations

from html.parser import HTMLParser

from docx import Document
from docx.document import Document as DocxDocument

BLOCKS = {"h1": 0, "h2": 1, "h3": 2}


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Document()
        self.text: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.rows: list[list[str]] = []

    def _flush(self) -> str:
        text = " ".join("".join(self.text).split())
        self.text = []
        return text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "title"}:
            self.skip += 1
        elif tag == "table":
            self.rows = []
        elif tag == "tr":
            self.row = []
        elif tag in BLOCKS or tag in {"p", "li", "td", "th"}:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "title"}:
            self.skip -= 1
        elif tag in BLOCKS:
            self.doc.add_heading(self._flush(), level=BLOCKS[tag])
        elif tag == "p":
            if text := self._flush():
                self.doc.add_paragraph(text)
        elif tag == "li":
            self.doc.add_paragraph(self._flush(), style="List Bullet")
        elif tag in {"td", "th"} and self.row is not None:
            self.row.append(self._flush())
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.rows:
            width = max(len(r) for r in self.rows)
            table = self.doc.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for cells in self.rows:
                row = table.add_row().cells
                for i, value in enumerate(cells):
                    row[i].text = value

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def docx_from_html(html: str) -> DocxDocument:
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return walker.doc
