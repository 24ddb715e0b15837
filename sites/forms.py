import math

from django import forms
from django.utils.translation import gettext_lazy as _

from core.choices import District
from sites import mapgrid

KIND_CHOICES = [("site", _("Sites")), ("heritage", _("Industrial heritage"))]


class MapListForm(forms.Form):
    """Which places the map page lists: one district and one kind at a time."""

    district = forms.ChoiceField(label=_("District"), required=False, choices=District.choices)
    kind = forms.ChoiceField(label=_("Kind of place"), required=False, choices=KIND_CHOICES)


class MapViewForm(forms.Form):
    """The query of the map data: `bbox=west,south,east,north` (WGS-84 degrees), `zoom`, and `kind` to show only
    sites or only heritage. Left out, the area is Zhuzhou at zoom 9."""

    bbox = forms.CharField(required=False, max_length=200)
    zoom = forms.IntegerField(required=False, min_value=0, max_value=mapgrid.MAX_ZOOM)
    kind = forms.ChoiceField(required=False, choices=KIND_CHOICES)

    def clean_bbox(self):
        raw = self.cleaned_data["bbox"]
        if not raw:
            return mapgrid.DEFAULT_BBOX
        try:
            bbox = tuple(float(part) for part in raw.split(","))
        except ValueError:
            bbox = ()
        if len(bbox) != 4 or not all(math.isfinite(number) for number in bbox):
            raise forms.ValidationError(_("Give the area as four numbers: west,south,east,north (degrees)."))
        west, south, east, north = bbox
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise forms.ValidationError(
                _("The area must run from west to east within −180…180 and from south to north within −90…90.")
            )
        return bbox

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("zoom") is None and "zoom" not in self.errors:
            cleaned["zoom"] = mapgrid.DEFAULT_ZOOM
        if "bbox" in cleaned and "zoom" in cleaned:
            width, height = mapgrid.view_pixels(cleaned["bbox"], cleaned["zoom"])
            if max(width, height) > mapgrid.MAX_VIEW_PX:
                self.add_error(
                    "bbox",
                    _("This area is too large for zoom %(zoom)d: zoom in or ask for a smaller area.")
                    % {"zoom": cleaned["zoom"]},
                )
        return cleaned

    def view(self):
        kind = self.cleaned_data["kind"]
        kinds = (kind,) if kind else tuple(mapgrid.KINDS)
        return mapgrid.MapView(self.cleaned_data["bbox"], self.cleaned_data["zoom"], kinds)
