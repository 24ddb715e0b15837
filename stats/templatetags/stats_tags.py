from django import template

register = template.Library()

ROW, WIDTH, BAR_SPACE = 38, 400, 300


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
