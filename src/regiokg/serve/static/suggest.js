/* Suggestions under the search boxes as one types: label, kind and place of the entities
   /search/suggest finds; arrow keys move, Enter opens, Escape closes. */
(function () {
  "use strict";
  function attach(input) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    input.setAttribute("autocomplete", "off");
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);
    var timer = null, active = -1, asked = "";

    function render(items) {
      list.textContent = "";
      active = -1;
      items.forEach(function (item) {
        if (!item.href) return;
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        var link = document.createElement("a");
        link.href = item.href;
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = item.name;
        link.appendChild(name);
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = [item.kind, item.place].filter(Boolean).join(" · ");
        link.appendChild(meta);
        li.appendChild(link);
        list.appendChild(li);
      });
      list.hidden = list.children.length === 0;
    }

    function ask() {
      var text = input.value.trim();
      if (text === asked) return;
      asked = text;
      if (text.length < 2) { render([]); return; }
      fetch("/search/suggest?q=" + encodeURIComponent(text))
        .then(function (r) { return r.json(); })
        .then(function (items) { if (input.value.trim() === text) render(items); });
    }

    function highlight(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (active + step + items.length) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("active", i === active); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { highlight(1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { highlight(-1); event.preventDefault(); }
      else if (event.key === "Escape") { list.hidden = true; }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("li a")[active].href;
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(function () { list.hidden = true; }, 200);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
