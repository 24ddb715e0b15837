/* Maps on the site page and the map page. Progressive enhancement: without JavaScript the pages
   list the same places. Coordinates are stored in WGS-84; when the tiles are GCJ-02 (AMap, Tencent)
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
    var map = L.map(node, { scrollWheelZoom: false }).setView(center, zoom);
    window.ZZGeo.addTiles(map, config);
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

  // The zoom buttons take the map's top-left corner (10 px margin, two 30 px buttons): a popup opening up
  // there is panned down below them instead of under them.
  var POPUP = { autoPanPaddingTopLeft: [5, 84] };

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

  var overview = document.getElementById("places-map");
  if (overview) {
    overview.closest(".map-box").hidden = false;
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
          marker(latlng, feature.properties.kind).addTo(bigMap).bindPopup(popup, POPUP);
        });
        if (bounds.length) bigMap.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
      })
      .catch(function () {
        // The lists under the map still name every place; say why the map is empty.
        overview.classList.add("map-failed");
      });
  }
})();
