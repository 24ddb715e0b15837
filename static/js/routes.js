/* Route page: a print button and the stops on a map, numbered in order. Progressive enhancement:
   without JavaScript the ordered list is the plan and the browser's Print command prints it.
   Coordinates are WGS-84; for GCJ-02 tiles (AMap, Tencent) markers are shifted for display only,
   with the same published approximation as map.js. */
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
  if (!node || !configNode || !stopsNode || !window.L) return;
  var config = JSON.parse(configNode.textContent);
  var stops = JSON.parse(stopsNode.textContent);

  function outOfChina(lat, lng) {
    return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }
  function transformLat(x, y) {
    var r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  }
  function transformLng(x, y) {
    var r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  }
  function toDisplay(lat, lng) {
    if (config.crs !== "gcj02" || outOfChina(lat, lng)) return [lat, lng];
    var a = 6378245.0, ee = 0.00669342162296594323;
    var dLat = transformLat(lng - 105, lat - 35), dLng = transformLng(lng - 105, lat - 35);
    var radLat = lat / 180 * Math.PI, magic = Math.sin(radLat);
    magic = 1 - ee * magic * magic;
    var sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sqrtMagic) * Math.PI);
    dLng = (dLng * 180) / (a / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lng + dLng];
  }

  node.closest(".route-map-panel").hidden = false;
  var map = L.map(node, { scrollWheelZoom: false });
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { maxZoom: 18, attribution: config.attribution }).addTo(map);
  }

  var path = [];
  var seen = {};
  var widest = 0;
  stops.forEach(function (stop) {
    var latlng = toDisplay(stop.lat, stop.lng);
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
