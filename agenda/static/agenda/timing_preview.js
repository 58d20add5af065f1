// The action form's live preview of the planning (was an inline script; CSP allows
// scripts from our own static files only, decision 0065).
(function () {
  var input = document.getElementById("id_timing_text");
  var box = document.getElementById("timing-preview");
  if (!input || !box) { return; }
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(box.dataset.previewUrl + "?planning=" + encodeURIComponent(input.value), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { if (html) { box.innerHTML = html; } });
    }, 300);
  });
})();
