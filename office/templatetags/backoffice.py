from django import template

from office.dashboard import dashboard_for

register = template.Library()


@register.simple_tag
def dashboard(request):
    return dashboard_for(request)


# Each row is a whole label over its bar: labels are not cut, however long the English ones are.
ROW_HEIGHT = 40
BAR_SPACE = 340  # of the 400-unit-wide chart, before the value


@register.filter
def chart_height(rows):
    return len(rows) * ROW_HEIGHT


@register.filter
def chart_offset(index):
    return index * ROW_HEIGHT


@register.filter
def bar_width(percent):
    return round(float(percent) * BAR_SPACE / 100)
