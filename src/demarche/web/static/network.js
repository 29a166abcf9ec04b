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
  // A node is as wide as its code (BRICS, UNSC, OPECPLUS), so its label stays inside it.
  function nodeSize(node) { return Math.max(40, 9 * String(node.data("label")).length + 14); }
  var cy = cytoscape({
    container: box,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "text-valign": "center", "text-halign": "center",
        "background-color": "#37474f", "color": "#fff", "font-size": 11, "font-weight": "bold",
        "shape": "round-rectangle", "width": nodeSize, "height": 30,
        "border-width": 2, "border-color": "#cfd8dc" } },
      // Edge weights are not drawn: side by side they overlapped each other and the nodes.
      // The hover line below the graph and the table give them.
      { selector: "edge", style: {
        "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "opacity": 0.85,
        "width": function (edge) { return 1.5 + 7 * (edge.data("weight") || 0) / maxWeight; } } },
      { selector: "node:selected", style: { "border-color": "#ffb300", "border-width": 4 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
              nodeRepulsion: 12000, nodeOverlap: 40, idealEdgeLength: 120, padding: 30 }
  });
  separate(cy);
  cy.fit(undefined, 30);
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

  // cose can leave a few nodes touching; push each overlapping pair apart along the line
  // between their centres until no two labelled boxes meet (bounded, so it always ends).
  function separate(graph) {
    var nodes = graph.nodes().toArray();
    var gap = 8;
    for (var round = 0; round < 200; round++) {
      var moved = false;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i].boundingBox({ includeLabels: true });
          var b = nodes[j].boundingBox({ includeLabels: true });
          var dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
          var dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
          if (dx <= 0 || dy <= 0) continue;
          var pa = nodes[i].position(), pb = nodes[j].position();
          // Move along the axis that needs the shorter push; split it between the two.
          if (dx < dy) {
            var sx = (pa.x <= pb.x ? -1 : 1) * dx / 2;
            nodes[i].position({ x: pa.x + sx, y: pa.y });
            nodes[j].position({ x: pb.x - sx, y: pb.y });
          } else {
            var sy = (pa.y <= pb.y ? -1 : 1) * dy / 2;
            nodes[i].position({ x: pa.x, y: pa.y + sy });
            nodes[j].position({ x: pb.x, y: pb.y - sy });
          }
          moved = true;
        }
      }
      if (!moved) return;
    }
  }
})();
