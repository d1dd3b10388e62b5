/* Tables a reader sorts: in a table with class "sortable", a button in a heading sorts the rows by that column
 * (again: the other way). A cell's data-sort attribute, when present, is what is compared (a date, a number);
 * data-type="num" on the button compares numbers. The table says how it is sorted in data-sorted. */
(function () {
  "use strict";

  function value(row, i) {
    var cell = row.cells[i];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function setup(table) {
    var buttons = table.querySelectorAll("thead button.sort");
    Array.prototype.forEach.call(buttons, function (btn) {
      var th = btn.closest("th"), index = Array.prototype.indexOf.call(th.parentNode.children, th);
      btn.addEventListener("click", function () {
        var numeric = btn.getAttribute("data-type") === "num";
        var current = table.getAttribute("data-sorted") || "";
        var desc = current === index + " asc" ? true : current === index + " desc" ? false : numeric;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var lang = document.documentElement.lang || "pl";
        rows.sort(function (a, b) {
          var x = value(a, index), y = value(b, index);
          var r = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, lang);
          return desc ? -r : r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.setAttribute("data-sorted", index + (desc ? " desc" : " asc"));
        Array.prototype.forEach.call(buttons, function (b) { b.closest("th").removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      });
    });
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setup); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
