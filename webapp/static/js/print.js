/* The print layout: colour the legend's marks (their colours travel in data-colour, set here through the CSSOM,
 * which the Content-Security-Policy allows where it forbids inline styles on a page meant to be clean). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-colour]"), function (mark) {
    var colour = mark.getAttribute("data-colour");
    if (mark.classList.contains("line")) { mark.style.borderColor = colour; } else { mark.style.backgroundColor = colour; }
  });
}());
