/* The map page (templates/sites/map.html). Coordinates are stored in WGS-84; when the tiles are GCJ-02 (AMap,
   Tencent) markers are shifted for display only, and the view is shifted back to ask for its places. */
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

  // The zoom buttons take the map's top-left corner (10 px margin, two 30 px buttons): a popup opening up
  // there is panned down below them instead of under them.
  var POPUP = { autoPanPaddingTopLeft: [5, 84] };

  var overview = document.getElementById("places-map");
  if (overview) showOverview(overview);

  /* It asks the server for what lies in view at the current zoom (sites/mapgrid.py) and gets
     the places themselves when there are few, or counts per grid cell when there are many. A count is a button
     that zooms in on it; a place opens a popup with its name as a link. */
  function showOverview(node) {
    var box = node.closest(".map-box");
    box.hidden = false;
    var strings = JSON.parse(document.getElementById("map-strings").textContent);
    var status = box.querySelector(".map-status");
    var edges = node.dataset.bounds.split(",").map(parseFloat);  // west,south,east,north, stored (WGS-84)
    var map = makeMap(node, [27.7, 113.3], 9);
    map.setMaxZoom(18);
    map.fitBounds([toDisplay(edges[1], edges[0]), toDisplay(edges[3], edges[2])], { animate: false });
    var layer = L.layerGroup().addTo(map);
    var pending = null;
    var timer = null;

    function fill(text, values) {
      return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name].toLocaleString(); });
    }

    function query() {
      var b = map.getBounds();
      var sw = window.ZZGeo.toStored(config, b.getSouth(), b.getWest());
      var ne = window.ZZGeo.toStored(config, b.getNorth(), b.getEast());
      var bbox = [
        Math.max(sw[1], -180), Math.max(sw[0], -90), Math.min(ne[1], 180), Math.min(ne[0], 90)
      ].map(function (n) { return n.toFixed(5); });
      var params = new URLSearchParams({ bbox: bbox.join(","), zoom: String(Math.round(map.getZoom())) });
      var kinds = Array.prototype.filter.call(box.querySelectorAll(".map-kinds input"), function (input) {
        return input.checked;
      });
      if (kinds.length === 0) return null;
      if (kinds.length === 1) params.set("kind", kinds[0].value);
      return params;
    }

    function load() {
      var params = query();
      if (pending) pending.abort();
      if (!params) {
        layer.clearLayers();
        shown = {};
        status.textContent = fill(strings.places, { count: 0 });
        return;
      }
      pending = new AbortController();
      node.setAttribute("aria-busy", "true");
      fetch(node.dataset.geojson + "?" + params.toString(), {
        headers: { Accept: "application/geo+json" }, signal: pending.signal
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          node.classList.remove("map-failed");
          node.removeAttribute("aria-busy");
          draw(data.features);
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          // The list under the map still names every place; say why the map is empty.
          node.removeAttribute("aria-busy");
          node.classList.add("map-failed");
          status.textContent = strings.failed;
        });
    }

    // Markers are kept across loads when they are still there: a popup that pans the map into view (and so
    // loads again) stays open.
    var shown = {};

    function draw(features) {
      var next = {};
      var places = 0, cells = 0, inCells = 0;
      features.forEach(function (feature) {
        var c = feature.geometry.coordinates;
        var p = feature.properties;
        var key = p.cluster ? "c" + c.join() + ":" + p.count : "p" + p.url;
        if (p.cluster) {
          cells += 1;
          inCells += p.count;
        } else {
          places += 1;
        }
        if (shown[key]) {
          next[key] = shown[key];
          return;
        }
        var latlng = toDisplay(c[1], c[0]);
        next[key] = p.cluster ? cluster(latlng, p) : marker(latlng, p.kind).bindPopup(popup(p), POPUP);
        next[key].addTo(layer);
      });
      Object.keys(shown).forEach(function (key) {
        if (!next[key]) layer.removeLayer(shown[key]);
      });
      shown = next;
      status.textContent = cells ? fill(strings.cells, { count: inCells, groups: cells })
        : fill(strings.places, { count: places });
    }

    function popup(properties) {
      var content = document.createElement("div");
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = properties.name;
      content.appendChild(link);
      var label = document.createElement("div");
      label.className = "popup-label";
      label.textContent = properties.label;
      content.appendChild(label);
      return content;
    }

    function cluster(latlng, properties) {
      var count = properties.count;
      var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : 52;
      var icon = document.createElement("span");
      icon.textContent = count.toLocaleString();
      var item = L.marker(latlng, {
        icon: L.divIcon({
          html: icon,
          className: "map-cluster" + (properties.sites >= properties.heritage ? " cluster-sites" : " cluster-heritage"),
          iconSize: [size, size]
        }),
        title: fill(strings.zoomIn, { count: count }),
        riseOnHover: true
      });
      item.on("add", function () {
        item.getElement().setAttribute("aria-label", fill(strings.zoomIn, { count: count }));
      });
      item.on("click", function () {
        map.setView(latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
      });
      return item;
    }

    // One request per pause in moving: panning fires many moves.
    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 120);
    });
    box.querySelectorAll(".map-kinds input").forEach(function (input) {
      input.addEventListener("change", load);
    });
    load();
  }
})();
