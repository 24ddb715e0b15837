from django import template

register = template.Library()

ROW, WIDTH, BAR_SPACE = 38, 560, 440


@register.inclusion_tag("stats/includes/bars.html")
def bar_chart(rows, label):
    """Horizontal bars drawn on the server (rows from stats.report.bars()); the page shows the figures in a
    table beside it, so the drawing is one labelled image to a screen reader."""
    drawn = [
        row | {"y": index * ROW, "width": round(BAR_SPACE * row["percent"] / 100, 1)} for index, row in enumerate(rows)
    ]
    for row in drawn:
        row["value_x"] = row["width"] + 6
    return {"rows": drawn, "label": label, "height": max(len(rows), 1) * ROW + 4, "width": WIDTH}


@register.filter
def figure(value, places=0):
    """A count or an amount with thousands separators whatever the language (Chinese formats group none)."""
    if value is None or value == "":
        return ""
    try:
        return f"{round(value, int(places)):,.{int(places)}f}"
    except (TypeError, ValueError):
        return value
