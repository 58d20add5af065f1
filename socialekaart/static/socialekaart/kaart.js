/* Small conveniences; every page works without this file. */
(function () {
    "use strict";
    document.querySelectorAll(".js-print").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".share__input, #summary-text").forEach(function (field) {
        field.addEventListener("focus", function () { field.select(); });
    });
    var errors = document.getElementById("form-errors");
    if (errors) { errors.focus(); }
})();
