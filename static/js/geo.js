/* The maps' shared helpers. Coordinates are stored in WGS-84; for GCJ-02 tiles (AMap, Tencent: config.crs)
   markers are shifted for display only, with the approximation the providers publish. */
(function () {
  "use strict";

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

  function toDisplay(config, lat, lng) {
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

  // Back to stored coordinates, for the edges of a view: one step of the inverse, within a few metres.
  function toStored(config, lat, lng) {
    if (config.crs !== "gcj02" || outOfChina(lat, lng)) return [lat, lng];
    var shifted = toDisplay(config, lat, lng);
    return [2 * lat - shifted[0], 2 * lng - shifted[1]];
  }

  function makeMap(node, config, center, zoom) {
    var map = L.map(node, { scrollWheelZoom: false });
    if (center) map.setView(center, zoom);
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 18, attribution: config.attribution }).addTo(map);
    }
    return map;
  }

  function placeMarker(latlng, kind) {
    var site = kind !== "heritage";
    return L.circleMarker(latlng, {
      radius: site ? 8 : 7,
      color: "#fff",
      weight: 2,
      fillColor: site ? "#c8102e" : "#4a545e",
      fillOpacity: 1
    });
  }

  window.ZZGeo = { toDisplay: toDisplay, toStored: toStored, makeMap: makeMap, placeMarker: placeMarker };
})();
