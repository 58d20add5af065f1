/* "Wat past bij mij?": the answer without leaving the page, Back that works, and a
 * result to keep or send, while the server stores nothing (decision 0090).
 *
 * The form still posts without this script. With it, the answers are posted with
 * fetch() and the answer (HTML from our own server) is put into the page. The page in
 * the browser's history stays the form (a GET), so Back from an offering never asks
 * to send the form again: the answers live in history.state of this tab (never in the
 * address, never on the server), and when the browser reloads the page on Back, they
 * are filled in and asked again. "Link om te bewaren" puts the answers after the "#"
 * of a link: browsers never send that part to a server.
 */
(function () {
    "use strict";
    var form = document.querySelector("[data-what-fits-form]");
    var box = document.querySelector("[data-what-fits-answer]");
    if (!form || !box || !window.fetch || !window.history.replaceState) { return; }
    var intro = document.querySelector("[data-what-fits-intro]");
    var adjust = document.querySelector("[data-what-fits-adjust]");
    var FIELDS = ["gemeente", "huishouden", "inkomen", "inkomen_onbekend", "kinderen",
        "leeftijd", "jaren_laag_inkomen"];
    var KEY = "antwoorden=";

    function answersOfForm() {
        var data = new FormData(form);
        var values = {};
        FIELDS.forEach(function (name) {
            var value = data.get(name);
            if (value !== null && value !== "") { values[name] = String(value); }
        });
        return values;
    }

    function fill(values) {
        FIELDS.forEach(function (name) {
            var fields = form.querySelectorAll("[name='" + name + "']");
            fields.forEach(function (field) {
                var value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : "";
                if (field.type === "radio") { field.checked = field.value === value; }
                else if (field.type === "checkbox") { field.checked = value !== ""; }
                else { field.value = value; }
            });
        });
    }

    function fromFragment() {
        var hash = window.location.hash.slice(1);
        if (hash.indexOf(KEY) !== 0) { return null; }
        var params = new URLSearchParams(hash.slice(KEY.length));
        var values = {};
        params.forEach(function (value, name) {
            if (FIELDS.indexOf(name) !== -1) { values[name] = value; }
        });
        return values;
    }

    function keepLink(values) {
        var params = new URLSearchParams();
        Object.keys(values).forEach(function (name) { params.append(name, values[name]); });
        return window.location.origin + window.location.pathname + "#" + KEY + params.toString();
    }

    function summary() {
        var lines = [];
        var heading = box.querySelector("#answer-heading");
        var total = box.querySelector(".what-fits-total");
        if (heading) { lines.push(heading.textContent.trim()); }
        if (total) { lines.push(total.firstChild ? total.textContent.replace(/\s+/g, " ").split(". ")[0].trim() + "." : ""); }
        box.querySelectorAll(".what-fits-card").forEach(function (card) {
            var link = card.querySelector(".service-card__title a");
            var get = card.querySelector(".what-fits-card__get p");
            if (!link) { return; }
            lines.push("");
            lines.push("- " + link.textContent.trim());
            if (get) { lines.push("  " + get.textContent.replace(/\s+/g, " ").trim()); }
            lines.push("  " + new URL(link.getAttribute("href"), window.location.href).href);
        });
        return lines.join("\n");
    }

    function share(values) {
        var section = box.querySelector("[data-what-fits-share]");
        if (!section) { return; }
        var text = summary();
        var subject = section.getAttribute("data-subject") || "";
        section.querySelector("[data-share-mail]").href =
            "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(text);
        section.querySelector("[data-share-whatsapp]").href =
            "https://wa.me/?text=" + encodeURIComponent(text);
        section.querySelector("[data-share-text]").value = text;
        section.querySelector("[data-share-link]").value = keepLink(values);
        var copy = section.querySelector("[data-share-copy]");
        if (copy && navigator.clipboard) {
            copy.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(text).then(function () {
                    var done = section.querySelector("[data-share-copied]");
                    if (done) { done.hidden = false; }
                });
            });
        }
        section.querySelectorAll(".js-print").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
        section.hidden = false;
    }

    function ask(values, options) {
        var body = new FormData();
        var token = form.querySelector("[name=csrfmiddlewaretoken]");
        if (token) { body.append("csrfmiddlewaretoken", token.value); }
        Object.keys(values).forEach(function (name) { body.append(name, values[name]); });
        if (options.showAll) { body.append("alles", "1"); }
        box.setAttribute("aria-busy", "true");
        return window.fetch(form.getAttribute("action") || window.location.pathname, {
            method: "POST",
            body: body,
            headers: { "X-Requested-With": "fetch" },
            credentials: "same-origin",
            cache: "no-store"
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.text();
        }).then(function (html) {
            if (html.indexOf("data-what-fits-errors") !== -1) {
                // Mistakes in the answers: the form itself shows them best, at
                // every field (the answers are posted again, nothing is lost).
                fill(values);
                HTMLFormElement.prototype.submit.call(form);
                return;
            }
            box.innerHTML = html;
            box.removeAttribute("aria-busy");
            window.history.replaceState(
                { whatFits: values, showAll: !!options.showAll }, "", window.location.pathname);
            if (intro) { intro.hidden = true; }
            if (adjust) { adjust.hidden = false; }
            var heading = box.querySelector("#answer-heading");
            if (heading) {
                document.title = heading.textContent.trim() + " · " + document.title.split(" · ").pop();
                if (options.focus) { heading.focus(); }
            }
            share(values);
        }).catch(function () {
            // No answer by script (offline, a new token needed): post the form itself.
            box.removeAttribute("aria-busy");
            HTMLFormElement.prototype.submit.call(form);
        });
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        var showAll = !!(event.submitter && event.submitter.name === "alles");
        ask(answersOfForm(), { focus: true, showAll: showAll });
    });

    var state = window.history.state;
    var kept = fromFragment();
    if (state && state.whatFits) {
        fill(state.whatFits);
        ask(state.whatFits, { focus: false, showAll: state.showAll });
    } else if (kept) {
        fill(kept);
        // The answers leave the address bar: the link was for keeping, not for showing.
        window.history.replaceState(null, "", window.location.pathname);
        ask(kept, { focus: true, showAll: false });
    } else if (box.querySelector("[data-what-fits-result]")) {
        // An answer the server sent with the page (the form was posted): keep the
        // answers in this tab's history, so Back and reload ask them again instead
        // of sending the form again.
        var current = answersOfForm();
        window.history.replaceState({ whatFits: current, showAll: false }, "", window.location.pathname);
        share(current);
    }
})();
