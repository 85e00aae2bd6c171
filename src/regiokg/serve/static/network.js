/* The interactive partner network: graphology holds the view from /network/data.json,
   sigma.js draws it; the controls refetch the time window and measure, and filter by
   kind and region without moving a node; a click opens the organisation's page. */
(function () {
  "use strict";
  var container = document.getElementById("sigma-container");
  if (!container || typeof window.Sigma === "undefined" || typeof window.graphology === "undefined") {
    return;
  }
  var form = document.getElementById("network-controls");
  var status = document.getElementById("network-status");
  var graph = new window.graphology.Graph();
  var hovered = null;
  var renderer = new window.Sigma(graph, container, {
    labelRenderedSizeThreshold: 9,
    defaultEdgeColor: "#c3cfd9",
    nodeReducer: function (node, data) {
      var shown = Object.assign({}, data);
      if (!visible(data)) {
        shown.hidden = true;
      }
      if (hovered && (hovered === node || graph.areNeighbors(hovered, node))) {
        shown.highlighted = true;
        shown.forceLabel = true;
      }
      return shown;
    },
    edgeReducer: function (edge, data) {
      var shown = Object.assign({}, data);
      var ends = graph.extremities(edge);
      if (!visible(graph.getNodeAttributes(ends[0])) || !visible(graph.getNodeAttributes(ends[1]))) {
        shown.hidden = true;
      }
      return shown;
    }
  });

  form.querySelectorAll(".swatch").forEach(function (swatch) {
    swatch.style.backgroundColor = swatch.getAttribute("data-color");
  });

  function visible(data) {
    var kinds = Array.prototype.map.call(form.querySelectorAll("input[name=kind]:checked"), function (box) {
      return box.value;
    });
    var region = form.querySelector("#net-region").value;
    return kinds.indexOf(data.kind) >= 0 && (!region || data.region === region);
  }

  function load() {
    var params = new URLSearchParams();
    ["start", "end", "measure"].forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) params.append(name, field.value);
    });
    status.textContent = "Loading…";
    fetch(container.getAttribute("data-source") + "?" + params.toString())
      .then(function (response) {
        if (!response.ok) return response.text().then(function (text) { throw new Error(text); });
        return response.json();
      })
      .then(function (view) {
        graph.clear();
        view.nodes.forEach(function (n) {
          graph.addNode(n.key, {
            x: n.x, y: n.y, size: n.size, color: n.color, label: n.label,
            kind: n.kind, region: n.region, href: n.href, value: n.value
          });
        });
        view.edges.forEach(function (e) {
          graph.addEdge(e.source, e.target, { size: Math.min(1 + e.weight, 6), weight: e.weight });
        });
        status.textContent = view.nodes.length + " organisations, " + view.edges.length +
          " ties; size by " + view.measure.replace("_", " ") + ".";
        container.setAttribute("data-nodes", String(view.nodes.length));
        renderer.refresh();
      })
      .catch(function (error) {
        status.textContent = "Could not load the network: " + error.message;
      });
  }

  renderer.on("enterNode", function (event) {
    hovered = event.node;
    container.style.cursor = "pointer";
    renderer.refresh();
  });
  renderer.on("leaveNode", function () {
    hovered = null;
    container.style.cursor = "default";
    renderer.refresh();
  });
  renderer.on("clickNode", function (event) {
    var href = graph.getNodeAttribute(event.node, "href");
    if (href) window.location.href = href;
  });

  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (name === "start" || name === "end" || name === "measure") {
      load();
    } else {
      renderer.refresh();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.regiokgNetwork = { graph: graph, renderer: renderer };
  load();
})();
