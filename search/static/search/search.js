/* Live results on the search page (progressive enhancement).
   Without JavaScript the page is a plain GET form. With it, results and filter counts
   are fetched as the person types (debounced) from the same view (fragment=1&live=1,
   which is not counted as a missed search), and a polite live region announces the
   number of results. The address bar follows, so back, reload and sharing work. */
(function () {
    "use strict";
    var form = document.querySelector("[data-live-search]");
    if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) { return; }
    var results = document.getElementById("search-results");
    var facets = document.getElementById("search-facets");
    var status = document.getElementById("search-status");
    var timer = null;
    var controller = null;
    var lastQuery = null;

    function queryString() {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (String(value).trim() !== "") { params.append(name, value); }
        });
        return params;
    }

    function refresh() {
        var params = queryString();
        var visible = params.toString();
        if (visible === lastQuery) { return; }
        lastQuery = visible;
        params.append("fragment", "1");
        params.append("live", "1");
        if (controller) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        results.setAttribute("aria-busy", "true");
        fetch(form.action + "?" + params.toString(), {
            headers: { "X-Requested-With": "fetch" },
            credentials: "same-origin",
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            /* Half-typed input (a postcode, an age) answers 400: keep what is shown. */
            if (!response.ok) { throw new Error("not shown"); }
            return response.text();
        }).then(function (html) {
            var holder = document.createElement("div");
            holder.innerHTML = html;
            var newResults = holder.querySelector("#search-fragment-results");
            var newFacets = holder.querySelector("#search-fragment-facets");
            if (!newResults) { return; }
            var focusedId = document.activeElement && facets.contains(document.activeElement) ? document.activeElement.id : null;
            results.innerHTML = newResults.innerHTML;
            if (newFacets) { facets.innerHTML = newFacets.innerHTML; }
            if (focusedId && document.getElementById(focusedId)) { document.getElementById(focusedId).focus(); }
            var count = results.querySelector("[data-result-count]");
            status.textContent = count ? count.textContent : "";
            window.history.replaceState(null, "", form.action + (visible ? "?" + visible : ""));
        }).catch(function () {
            /* Network trouble or an aborted request: the form still works by submitting. */
        }).then(function () {
            results.removeAttribute("aria-busy");
        });
    }

    function later() {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 300);
    }

    form.addEventListener("input", function (event) {
        if (event.target.type === "checkbox") { return; }
        later();
    });
    form.addEventListener("change", function (event) {
        if (event.target.type === "checkbox") { refresh(); }
    });
    lastQuery = queryString().toString();

    /* The filters are folded on phones (results first) and open on wide screens. */
    var folder = form.querySelector("[data-search-filters]");
    var chosen = form.querySelector("[data-filters-chosen]");
    var wide = window.matchMedia ? window.matchMedia("(min-width: 48rem)") : null;
    if (folder && wide && wide.matches) { folder.open = true; }

    function countChosen() {
        if (!chosen) { return; }
        var count = form.querySelectorAll("#search-filters input[type=checkbox]:checked").length;
        ["age", "near"].forEach(function (name) {
            var field = form.elements[name];
            if (field && String(field.value).trim() !== "") { count += 1; }
        });
        chosen.textContent = count ? "(" + count + " " + chosen.getAttribute("data-chosen-label") + ")" : "";
    }
    form.addEventListener("change", countChosen);
    form.addEventListener("input", countChosen);
}());
