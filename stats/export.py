"""The report's tables as CSV and XLSX. Text that a spreadsheet would run as a formula is neutralised
(bookings.export.safe_cell); numbers stay numbers."""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook

from bookings.export import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    return safe_cell(value)


def csv_response(filename, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads the Chinese text as UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return response


def xlsx_response(filename, rows, title):
    book = Workbook()
    sheet = book.active
    sheet.title = str(title)[:31]
    for row in rows:
        # openpyxl would store a text starting with "=" as a formula: safe_cell makes it text.
        sheet.append([_cell(value) for value in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, Decimal):
                cell.number_format = "#,##0.00"
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
