/* The small map of one place (site, heritage, event pages); the map page has places-map.js. Progressive
   enhancement: without JavaScript the page gives the coordinates in text. Coordinates are stored in WGS-84; when the tiles are GCJ-02 (AMap, Tencent)
   markers are shifted for display only. */
(function () {
  "use strict";
  var configNode = document.getElementById("map-config");
  if (!configNode || !window.L || !window.ZZGeo) return;
  var config = JSON.parse(configNode.textContent);

  function toDisplay(lat, lng) {
    return window.ZZGeo.toDisplay(config, lat, lng);
  }

  function makeMap(node, center, zoom) {
    return window.ZZGeo.makeMap(node, config, center, zoom);
  }

  var marker = window.ZZGeo.placeMarker;

  var single = document.getElementById("site-map");
  if (single) {
    // Hidden in the page: without JavaScript it would stay an empty box.
    single.hidden = false;
    var point = toDisplay(parseFloat(single.dataset.lat), parseFloat(single.dataset.lng));
    var map = makeMap(single, point, 13);
    // The name stays visible: without tiles (offline, blocked) the marker alone would say little.
    // Leaflet writes a string as HTML: hand it a node whose text is the name.
    var name = document.createElement("span");
    name.textContent = single.dataset.name;
    marker(point, single.dataset.kind || "site").addTo(map).bindTooltip(name, { permanent: true, direction: "top", offset: [0, -8] });
  }
})();
