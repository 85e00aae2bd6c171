/* The query editor: YASGUI on this server's /sparql, with the project's prefixes and
   vocabulary for autocompletion (no request leaves the server), the named queries as a
   menu whose parameters are bound by the server, and a chart view of numeric results. */
(function () {
  "use strict";

  var root = document.getElementById("yasgui");
  if (!root || typeof window.Yasgui === "undefined") {
    return;
  }
  var Yasgui = window.Yasgui;
  var SVG = "http://www.w3.org/2000/svg";
  var NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsignedInt|unsignedLong)$/;

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    return element;
  }

  function numericColumns(results) {
    var variables = results.getVariables();
    var bindings = results.getBindings();
    return variables.filter(function (v) {
      var seen = false;
      var all = bindings.every(function (b) {
        var term = b[v];
        if (!term) return true;
        seen = true;
        return term.type === "literal" && NUMERIC.test(term.datatype || "") && isFinite(Number(term.value));
      });
      return seen && all;
    });
  }

  /* A Yasr plugin: horizontal bars of the first numeric column, labelled by the first
     other column; downloadable as SVG. */
  function ChartPlugin(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
    this.svg = null;
  }
  ChartPlugin.prototype.canHandleResults = function () {
    var results = this.yasr.results;
    return !!(results && results.getVariables && results.getVariables().length &&
      results.getBindings().length && numericColumns(results).length);
  };
  ChartPlugin.prototype.getIcon = function () {
    var icon = svgElement("svg", { viewBox: "0 0 16 16", width: "15", height: "15" });
    [[1, 9, 3, 6], [6, 4, 3, 11], [11, 7, 3, 8]].forEach(function (b) {
      icon.appendChild(svgElement("rect", { x: b[0], y: b[1], width: b[2], height: b[3], fill: "currentColor" }));
    });
    return icon;
  };
  ChartPlugin.prototype.draw = function () {
    var results = this.yasr.results;
    var value = numericColumns(results)[0];
    var labels = results.getVariables().filter(function (v) { return v !== value; });
    var label = labels[0];
    var rows = results.getBindings().slice(0, 60).map(function (b) {
      var text = label && b[label] ? b[label].value : "";
      text = text.replace(/^.*[\/#]/, "") || (label && b[label] ? b[label].value : "");
      return { text: text, value: b[value] ? Number(b[value].value) : 0 };
    });
    var largest = Math.max.apply(null, rows.map(function (r) { return Math.abs(r.value); }).concat([1]));
    var barHeight = 18, left = 220, width = 760, height = rows.length * (barHeight + 4) + 40;
    var svg = svgElement("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", class: "regiokg-chart", role: "img" });
    var title = svgElement("text", { x: left, y: 14, class: "axis" });
    title.textContent = value + (label ? " by " + label : "");
    svg.appendChild(title);
    rows.forEach(function (r, i) {
      var y = 24 + i * (barHeight + 4);
      var name = svgElement("text", { x: left - 6, y: y + 13, "text-anchor": "end" });
      name.textContent = r.text.length > 34 ? r.text.slice(0, 33) + "…" : r.text;
      svg.appendChild(name);
      var w = Math.max(1, (width - left - 60) * Math.abs(r.value) / largest);
      svg.appendChild(svgElement("rect", { x: left, y: y, width: w, height: barHeight, class: "bar" }));
      var number = svgElement("text", { x: left + w + 4, y: y + 13 });
      number.textContent = String(r.value);
      svg.appendChild(number);
    });
    this.svg = svg;
    var holder = document.createElement("div");
    holder.className = "regiokg-chart-holder";
    holder.appendChild(svg);
    if (results.getBindings().length > rows.length) {
      var note = document.createElement("p");
      note.className = "note";
      note.textContent = "The first " + rows.length + " of " + results.getBindings().length + " rows.";
      holder.appendChild(note);
    }
    this.yasr.resultsEl.appendChild(holder);
  };
  ChartPlugin.prototype.download = function (name) {
    var svg = this.svg;
    if (!svg) return undefined;
    return {
      getData: function () {
        return new XMLSerializer().serializeToString(svg);
      },
      contentType: "image/svg+xml",
      title: "Download the chart (SVG)",
      filename: (name || "chart") + ".svg"
    };
  };

  function localHref(iri, base) {
    // The graph's own IRIs resolve on this server: link to them here.
    if (base && iri.indexOf(base) === 0) {
      return "/" + iri.slice(base.length);
    }
    return null;
  }

  function start(config) {
    Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
    // Autocompletion from this server only: the project's prefixes and the classes and
    // properties the graph uses (YASGUI would otherwise ask prefix.cc and LOV).
    Yasgui.Yasqe.defaults.prefixCcApi = config.prefixes_url;
    ["class", "property"].forEach(function (name) {
      var completer = Yasgui.Yasqe.Autocompleters[name];
      if (!completer) return;
      var terms = name === "class" ? config.classes : config.properties;
      completer.bulk = true;
      completer.get = function () {
        return Promise.resolve(terms.slice());
      };
    });
    var endpoint = window.location.origin + config.endpoint;
    var yasgui = new Yasgui(root, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      persistenceId: "regiokg-editor",
      yasqe: { value: config.example },
      yasr: { pluginOrder: ["table", "chart", "response"], defaultPlugin: "table", prefixes: config.prefixes }
    });
    window.regiokgEditor = yasgui;
    var tab = yasgui.getTab();
    if (tab && tab.getEndpoint() !== endpoint) {
      tab.setEndpoint(endpoint);
    }
    yasgui.on("tabChange", function (instance, changed) {
      if (changed.getEndpoint() !== endpoint) changed.setEndpoint(endpoint);
    });
    root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      if (!link) return;
      var here = localHref(link.getAttribute("href"), config.base);
      if (here) {
        event.preventDefault();
        window.location.href = here;
      }
    });
    wireNamedQueries(yasgui);
    watchTruncation(yasgui);
    document.body.setAttribute("data-editor", "ready");
  }

  /* The server cuts long answers at its row limit and says so in a header: say it here. */
  function watchTruncation(yasgui) {
    var note = document.getElementById("editor-truncated");
    function watch(tab) {
      var yasqe = tab && tab.getYasqe ? tab.getYasqe() : null;
      if (!yasqe || yasqe.regiokgWatched) return;
      yasqe.regiokgWatched = true;
      yasqe.on("queryResponse", function (first, second) {
        var response = first && first.headers ? first : second;
        var limit = response && response.headers && response.headers.get ?
          response.headers.get("X-SPARQL-MaxRows") : null;
        var cut = limit && response.headers.get("X-SPARQL-Truncated") === "true";
        note.hidden = !cut;
        note.textContent = cut ? "The answer was cut at " + limit + " rows, the row limit of this server." : "";
      });
    }
    if (!note) return;
    watch(yasgui.getTab());
    ["tabSelect", "tabAdd"].forEach(function (event) {
      yasgui.on(event, function (instance, id) {
        setTimeout(function () { watch(yasgui.getTab(id)); }, 0);
      });
    });
  }

  function wireNamedQueries(yasgui) {
    var menu = document.getElementById("named-query");
    if (!menu) return;
    var forms = document.querySelectorAll("form.named-form[data-name]");
    function show() {
      forms.forEach(function (form) {
        form.hidden = form.getAttribute("data-name") !== menu.value;
      });
    }
    menu.addEventListener("change", show);
    show();
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var params = new URLSearchParams(new FormData(form));
        var url = "/editor/named/" + encodeURIComponent(form.getAttribute("data-name")) + "?" + params.toString();
        var status = form.querySelector(".status");
        fetch(url).then(function (response) {
          return response.text().then(function (text) {
            if (!response.ok) throw new Error(text);
            return text;
          });
        }).then(function (text) {
          var tab = yasgui.getTab();
          tab.setQuery(text);
          if (status) status.textContent = "";
          if (event.submitter && event.submitter.value === "run") {
            tab.query();
          }
        }).catch(function (error) {
          if (status) status.textContent = error.message;
        });
      });
    });
  }

  fetch(root.getAttribute("data-config")).then(function (response) {
    return response.json();
  }).then(start);
})();
