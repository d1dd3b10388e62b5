"""Tables for spreadsheets: XLSX (openpyxl) and CSV written the way a Polish Excel opens it.

Excel opens a CSV in the system's code page unless the file starts with a UTF-8 byte-order mark, and in Polish
settings it splits columns on ``;`` (``,`` is the decimal mark), so the staff's CSV has both; numbers keep a
dot only in the XLSX, where they are real numbers. An XLSX holds the table on its first sheet, from the first
row, ready to filter and sort, and on a second sheet what it shows: title, area, dates, source and licence.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

BOM = "\ufeff"


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[object]]
    about: list[tuple[str, str]] = field(default_factory=list)  # (what, value): area, dates, source…
    sheet: str = "dane"
    about_sheet: str = "opis"
    widths: list[int] = field(default_factory=list)  # characters per column, when known


def _cell(value: object, decimal: str) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", decimal) if value else "0"
    text = "" if value is None else str(value)
    # Excel runs a cell starting with "=" or "@" as a formula: names come from articles written by others
    return "'" + text if text[:1] in ("=", "@") else text


def excel_csv(table: Table, decimal: str = ",") -> bytes:
    """The table as CSV for Excel: UTF-8 with a byte-order mark, ``;`` between cells, CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(v, decimal) for v in row])
    return (BOM + buf.getvalue()).encode("utf-8")


def xlsx(table: Table) -> bytes:
    """The table as an Excel workbook: the data with a frozen, filterable header, and a sheet describing it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = table.sheet[:31]
    ws.append(table.columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            # names come from articles written by others: a name starting with "=" stays text, not a formula
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    for i, name in enumerate(table.columns, start=1):
        width = table.widths[i - 1] if i - 1 < len(table.widths) else None
        if width is None:
            longest = max([len(name)] + [len(str(r[i - 1])) for r in table.rows[:500] if i - 1 < len(r)])
            width = min(60, max(8, longest + 2))
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    about = wb.create_sheet(table.about_sheet[:31])
    about.append([table.title])
    about["A1"].font = Font(bold=True, size=13)
    for what, value in table.about:
        about.append([what, value])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 80
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["BOM", "Table", "excel_csv", "xlsx"]
