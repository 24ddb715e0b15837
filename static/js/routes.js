/* Route page: a print button and the stops on a map, numbered in order. Without JavaScript the ordered list is
   the plan and the browser's Print command prints it. */
(function () {
  "use strict";

  var printButton = document.querySelector(".js-print");
  if (printButton && window.print) {
    printButton.hidden = false;
    var hint = document.querySelector(".js-print-hint");
    if (hint) hint.hidden = true;
    printButton.addEventListener("click", function () { window.print(); });
  }

  var node = document.getElementById("route-map");
  var configNode = document.getElementById("map-config");
  var stopsNode = document.getElementById("route-stops");
  if (!node || !configNode || !stopsNode || !window.L || !window.ZZGeo) return;
  var config = JSON.parse(configNode.textContent);
  var stops = JSON.parse(stopsNode.textContent);

  node.closest(".route-map-panel").hidden = false;
  var map = window.ZZGeo.makeMap(node, config);

  var path = [];
  var seen = {};
  var widest = 0;
  stops.forEach(function (stop) {
    var latlng = window.ZZGeo.toDisplay(config, stop.lat, stop.lng);
    path.push(latlng);
    // An event at a site stops at the same point as the site: set such markers side by side, not on top.
    var key = latlng[0].toFixed(5) + "," + latlng[1].toFixed(5);
    var shift = (seen[key] || 0) * 24;
    seen[key] = (seen[key] || 0) + 1;
    widest = Math.max(widest, shift);
    var icon = L.divIcon({
      className: "route-marker route-marker-" + stop.kind,
      html: "<span>" + stop.n + "</span>",
      iconSize: [30, 30],
      iconAnchor: [15 - shift, 15]
    });
    var link = document.createElement("a");
    link.href = stop.url;
    link.textContent = stop.n + ". " + stop.name;
    L.marker(latlng, { icon: icon, title: stop.n + ". " + stop.name, keyboard: true }).addTo(map).bindPopup(link);
  });
  if (path.length > 1) {
    L.polyline(path, { color: "#c8102e", weight: 3, opacity: 0.8, dashArray: "6 6" }).addTo(map);
  }
  if (path.length === 1) {
    map.setView(path[0], 13);
  } else {
    map.fitBounds(path, { paddingTopLeft: [28, 28], paddingBottomRight: [28 + widest, 28], maxZoom: 14 });
  }
})();
