// Network: cytoscape (vendored) over the JSON island; node ids are actor codes.
(function () {
  "use strict";
  var island = document.getElementById("network-data");
  var box = document.getElementById("graph");
  if (!island || !box || typeof cytoscape !== "function") return;
  var elements = JSON.parse(island.textContent);
  var info = document.getElementById("graph-info");
  if (!elements.length) {
    box.classList.add("empty");
    box.textContent = "No events or relations in this period.";
    return;
  }
  var maxWeight = elements.reduce(function (m, el) { return Math.max(m, el.data.weight || 0); }, 1);
  var cy = cytoscape({
    container: box,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "text-valign": "center", "text-halign": "center",
        "background-color": "#37474f", "color": "#fff", "font-size": 11, "font-weight": "bold",
        "width": 46, "height": 46, "border-width": 2, "border-color": "#cfd8dc" } },
      { selector: "edge", style: {
        "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "opacity": 0.85,
        "width": function (edge) { return 1.5 + 7 * (edge.data("weight") || 0) / maxWeight; },
        "label": "data(weight)", "font-size": 9, "color": "#455a64",
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "node:selected", style: { "border-color": "#ffb300", "border-width": 4 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 110, padding: 30 }
  });
  window.cy = cy;
  cy.on("tap", "node", function (event) {
    window.location.href = "/actors/" + encodeURIComponent(event.target.id());
  });
  cy.on("mouseover", "edge", function (event) {
    var d = event.target.data();
    var types = Object.keys(d.types || {}).map(function (k) { return k + "×" + d.types[k]; }).join(", ");
    var rels = Object.keys(d.relation_kinds || {}).map(function (k) { return k + "×" + d.relation_kinds[k]; }).join(", ");
    info.textContent = d.source + " → " + d.target + ": " + d.events + " events" +
      (types ? " (" + types + ")" : "") + (rels ? "; relations: " + rels : "");
  });
  cy.on("mouseover", "node", function (event) {
    info.textContent = event.target.id() + " — " + event.target.data("name") + " (" + event.target.degree() + " links)";
  });
  box.dataset.ready = "1";
})();
