/* Maps on the site page and the map page. Progressive enhancement: without JavaScript the pages
   list the same places. Coordinates are stored in WGS-84; when the tiles are GCJ-02 (AMap, Tencent)
   markers are shifted for display only. */
(function () {
  "use strict";
  var configNode = document.getElementById("map-config");
  if (!configNode || !window.L) return;
  var config = JSON.parse(configNode.textContent);

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
  // WGS-84 to GCJ-02, the published approximation used by Chinese map providers.
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

  function makeMap(node, center, zoom) {
    var map = L.map(node, { scrollWheelZoom: false }).setView(center, zoom);
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 18, attribution: config.attribution }).addTo(map);
    }
    return map;
  }

  function marker(latlng, kind) {
    var site = kind !== "heritage";
    return L.circleMarker(latlng, {
      radius: site ? 8 : 7,
      color: "#ffffff",
      weight: 2,
      fillColor: site ? "#c8102e" : "#4a545e",
      fillOpacity: 1
    });
  }

  var single = document.getElementById("site-map");
  if (single) {
    var point = toDisplay(parseFloat(single.dataset.lat), parseFloat(single.dataset.lng));
    var map = makeMap(single, point, 13);
    // The name stays visible: without tiles (offline, blocked) the marker alone would say little.
    marker(point, "site").addTo(map).bindTooltip(single.dataset.name, { permanent: true, direction: "top", offset: [0, -8] });
  }

  var overview = document.getElementById("places-map");
  if (overview) {
    var bigMap = makeMap(overview, [27.7, 113.3], 9);
    fetch(overview.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var bounds = [];
        data.features.forEach(function (feature) {
          var c = feature.geometry.coordinates;
          var latlng = toDisplay(c[1], c[0]);
          bounds.push(latlng);
          var link = document.createElement("a");
          link.href = feature.properties.url;
          link.textContent = feature.properties.name;
          var popup = document.createElement("div");
          popup.appendChild(link);
          var label = document.createElement("div");
          label.className = "popup-label";
          label.textContent = feature.properties.label;
          popup.appendChild(label);
          marker(latlng, feature.properties.kind).addTo(bigMap).bindPopup(popup);
        });
        if (bounds.length) bigMap.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
      })
      .catch(function () {
        // The lists under the map still name every place; say why the map is empty.
        overview.classList.add("map-failed");
      });
  }
})();
