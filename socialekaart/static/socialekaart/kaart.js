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

    /* "Nu open" / "Nu gesloten" from the opening hours, in Amsterdam time whatever the
       device's time zone. Computed here, not on the server: an anonymous page can come
       from the shared cache (decision 0073). Without JavaScript the hours are listed. */
    var WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

    function amsterdamNow() {
        var parts = {};
        new Intl.DateTimeFormat("en-GB", {
            timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit",
            hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23"
        }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
        return {
            date: parts.year + "-" + parts.month + "-" + parts.day,
            weekday: WEEKDAYS[parts.weekday],
            time: parts.hour + ":" + parts.minute
        };
    }

    function periodsToday(data, now) {
        var special = (data.exceptions || []).filter(function (item) {
            return item.from <= now.date && now.date <= item.until;
        })[0];
        if (special) {
            if (special.closed || !special.opens || !special.closes) { return []; }
            return [{ opens: special.opens, closes: special.closes }];
        }
        return (data.hours || []).filter(function (period) {
            return period.days.indexOf(now.weekday) !== -1 && period.opens && period.closes;
        }).sort(function (a, b) { return a.opens < b.opens ? -1 : 1; });
    }

    document.querySelectorAll("[data-opening]").forEach(function (element) {
        var data;
        try { data = JSON.parse(element.getAttribute("data-opening")); } catch (e) { return; }
        if (!window.Intl || !(data.hours || []).length) { return; }
        var now = amsterdamNow();
        var today = periodsToday(data, now);
        var open = today.filter(function (p) { return p.opens <= now.time && now.time < p.closes; })[0];
        var later = today.filter(function (p) { return now.time < p.opens; })[0];
        var text;
        if (open) {
            text = element.getAttribute("data-label-open").replace("{time}", open.closes);
            element.classList.add("open-now--open");
        } else if (later) {
            text = element.getAttribute("data-label-later").replace("{time}", later.opens);
            element.classList.add("open-now--closed");
        } else {
            text = element.getAttribute(today.length ? "data-label-closed" : "data-label-closed-today");
            element.classList.add("open-now--closed");
        }
        element.textContent = text;
        element.hidden = false;
    });
})();
