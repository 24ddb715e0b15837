/* The booking form: bring the error summary into view and focus, so screen readers announce it; and one tap,
   one request: stop a second submit while the first is on its way. */
(function () {
  "use strict";
  var errors = document.getElementById("form-errors");
  if (errors) errors.focus();
  var form = document.querySelector(".booking-form");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    var button = form.querySelector("button[type=submit]");
    if (button.dataset.sent) { event.preventDefault(); return; }
    button.dataset.sent = "1";
    button.setAttribute("aria-busy", "true");
  });
})();
