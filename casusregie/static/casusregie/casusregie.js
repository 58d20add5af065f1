/* Live updates of casusregie (progressive enhancement: pages work without it).
   Events carry identifiers only; on each event this script re-fetches the inbox
   fragment and the badge counts through the normal, permission-checked views. */
(function () {
  "use strict";
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var announcer = document.getElementById("cr-announcer");
  var badge = document.getElementById("cr-badge");
  var messages = {
    "handover.proposed": "Er is een nieuw overdrachtsvoorstel.",
    "handover.accepted": "Een overdracht is geaccepteerd.",
    "handover.declined": "Een overdracht is afgewezen.",
    "handover.withdrawn": "Een overdrachtsvoorstel is ingetrokken.",
    "handover.expired": "Een overdrachtsvoorstel is verlopen.",
    "handover.cancelled": "Een overdracht is vervallen.",
    "handover.completed": "Een overdracht is afgerond.",
    "escalation.opened": "Een casus is voorgelegd aan de regisseur.",
    "escalation.taken_over": "De regisseur heeft de regie overgenomen.",
    "escalation.returned": "De regisseur heeft een casus teruggegeven."
  };
  var lang = document.documentElement.lang || "nl";

  // "Geen live updates": shown while the live connection is away (Redis down, a
  // restart); the page itself keeps working.
  function offline(isOffline) {
    var notice = document.getElementById("cr-live-offline");
    if (notice) { notice.hidden = !isOffline; }
  }

  function announce(text) { if (announcer && text) { announcer.textContent = text; } }

  function refreshBadge() {
    if (!badge) { return; }
    fetch(badge.getAttribute("data-count-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var total = (data.incoming || 0) + (data.escalations || 0);
        badge.textContent = total > 0 ? String(total) : "";
        badge.setAttribute("aria-label", total > 0 ? total + (lang === "en" ? " waiting" : " wachtend") : "");
      });
  }

  function refreshInbox() {
    var inbox = document.getElementById("cr-inbox");
    if (!inbox) { return; }
    fetch(inbox.getAttribute("data-fragment-url"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#cr-inbox");
        if (fresh) { inbox.replaceWith(fresh); }
      });
  }

  function connect(path, onEvent) {
    var delay = 1000;
    function open() {
      var socket = new WebSocket(scheme + window.location.host + path);
      socket.onopen = function () {
        delay = 1000;
        document.documentElement.setAttribute("data-live", "connected");
        offline(false);
      };
      socket.onmessage = function (message) {
        var event;
        try { event = JSON.parse(message.data); } catch (e) { return; }
        onEvent(event);
      };
      socket.onclose = function (closed) {
        document.documentElement.setAttribute("data-live", "closed");
        if (closed.code === 4403) { return; }  // not allowed: do not retry
        offline(true);
        window.setTimeout(open, delay);
        delay = Math.min(delay * 2, 30000);
      };
    }
    open();
  }

  // Print buttons (the recovery codes): hidden until this script can work them.
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  if (!("WebSocket" in window) || !window.fetch) { return; }
  refreshBadge();
  connect("/ws/casusregie/", function (event) {
    if (!event.type || event.type === "pong") { return; }
    refreshBadge();
    refreshInbox();
    announce(messages[event.type]);
  });
  var casePage = document.querySelector("[data-case-socket]");
  if (casePage) {
    connect(casePage.getAttribute("data-case-socket"), function (event) {
      if (event.type === "case.changed") {
        var notice = document.getElementById("cr-case-changed");
        if (notice) { notice.hidden = false; }
      }
    });
  }
})();
