"""Protocol documents made in the tests, the way schools write them: as .docx (python-docx),
.odt (odfpy) and plain text, from one neutral description.

A description is a list of (kind, value): ("titel", text), ("kop1".."kop3", text),
("vet", text) a bold paragraph, ("tekst", text), ("bullets", [items]), ("nummers", [items]),
("tabel", [[cells]]) with the first row as header (a cell may hold several lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

Description = list[tuple[str, Any]]


def write_docx(description: Description, path: Path) -> Path:
    from docx import Document

    document = Document()
    for kind, value in description:
        if kind == "titel":
            document.add_heading(value, level=0)
        elif kind.startswith("kop"):
            document.add_heading(value, level=int(kind[3:]))
        elif kind == "vet":
            document.add_paragraph().add_run(value).bold = True
        elif kind == "tekst":
            document.add_paragraph(value)
        elif kind in ("bullets", "nummers"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in value:
                document.add_paragraph(item, style=style)
        elif kind == "tabel":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    lines = text.split("\n")
                    cell.paragraphs[0].text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
    document.save(str(path))
    return path


def write_odt(description: Description, path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties, Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    bold = Style(name="Vet", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    title = Style(name="Title", family="paragraph")
    document.styles.addElement(title)
    document.automaticstyles.addElement(bold)
    bullets = ListStyle(name="Bullets")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    numbers = ListStyle(name="Numbers")
    number_level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    number_level.addElement(ListLevelProperties())
    numbers.addElement(number_level)
    document.automaticstyles.addElement(bullets)
    document.automaticstyles.addElement(numbers)
    body = document.text
    for kind, value in description:
        if kind == "titel":
            body.addElement(P(stylename=title, text=value))
        elif kind.startswith("kop"):
            body.addElement(H(outlinelevel=int(kind[3:]), text=value))
        elif kind == "vet":
            body.addElement(P(stylename=bold, text=value))
        elif kind == "tekst":
            body.addElement(P(text=value))
        elif kind in ("bullets", "nummers"):
            lst = List(stylename=bullets if kind == "bullets" else numbers)
            for item in value:
                li = ListItem()
                li.addElement(P(text=item))
                lst.addElement(li)
            body.addElement(lst)
        elif kind == "tabel":
            table = Table()
            table.addElement(TableColumn(numbercolumnsrepeated=len(value[0])))
            for row in value:
                tr = TableRow()
                for text in row:
                    cell = TableCell()
                    for line in text.split("\n"):
                        cell.addElement(P(text=line))
                    tr.addElement(cell)
                table.addElement(tr)
            body.addElement(table)
    document.save(str(path))
    return path


def write_txt(description: Description, path: Path) -> Path:
    """Plain text as copied out of a word processor: headings with blank lines around them."""
    lines: list[str] = []
    for kind, value in description:
        if kind in ("titel", "vet") or kind.startswith("kop"):
            lines += ["", value, ""]
        elif kind == "tekst":
            lines.append(value)
        elif kind in ("bullets", "nummers"):
            lines += [f"- {item}" for item in value]
        elif kind == "tabel":
            raise ValueError("plain text has no tables")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sentences(description: Description) -> list[str]:
    """Every piece of text of the description, as a reader would look for it on the site."""
    found: list[str] = []
    for _kind, value in description:
        if isinstance(value, str):
            found.append(value)
        else:
            for item in value:
                found += item if isinstance(item, list) else [item]
    return [line for text in found for line in text.split("\n") if line.strip()]
