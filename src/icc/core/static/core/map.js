/* Members map: Leaflet with a vendored world outline (works offline); tiles only when configured.
   Each .map element reads its points from the JSON script named in data-points. */
(function () {
  "use strict";
  const COLORS = { member: "#1f5fa8", candidate: "#c98a00", suspended: "#b42318", left: "#8a94a3" };

  function drawWorld(map, atlasUrl) {
    return fetch(atlasUrl)
      .then(function (r) { return r.json(); })
      .then(function (topology) {
        const land = topojson.feature(topology, topology.objects.countries);
        L.geoJSON(land, {
          pane: "basemap",
          style: { color: "#9fb3c8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
          interactive: false,
        }).addTo(map);
      })
      .catch(function () { /* the list below the map still shows every place */ });
  }

  function init(el) {
    const source = document.getElementById(el.dataset.points);
    if (!source || typeof L === "undefined") { return; }
    const points = JSON.parse(source.textContent);
    const map = L.map(el, { worldCopyJump: true, attributionControl: !!el.dataset.tiles, zoomSnap: 0.25 });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: "© OpenStreetMap contributors" }).addTo(map);
    } else {
      // The outline lives in its own pane under the markers, whenever it finishes loading.
      map.createPane("basemap").style.zIndex = 250;
      el.style.background = "#cfe0ee";
      drawWorld(map, el.dataset.atlas);
    }
    const markers = points.map(function (p) {
      const m = L.circleMarker([p.lat, p.lon], {
        radius: 6, weight: 1.5, color: "#fff", fillColor: COLORS[p.status] || COLORS.member, fillOpacity: 0.95,
      });
      const link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.name;
      const box = document.createElement("div");
      box.appendChild(link);
      box.appendChild(document.createTextNode(" — " + p.country));
      m.bindPopup(box);
      m.bindTooltip(p.name);
      return m.addTo(map);
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.15), { maxZoom: 6 });
    } else {
      map.setView([45, 10], 3);
    }
  }

  function initAll(root) {
    (root || document).querySelectorAll(".map[data-points]").forEach(function (el) {
      if (!el.dataset.ready) { el.dataset.ready = "1"; init(el); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { initAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { initAll(e.target); });
})();
