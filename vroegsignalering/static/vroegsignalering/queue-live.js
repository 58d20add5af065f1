// The queue, live: when a signal arrives or a household changes, the server says only
// "queue.changed" with the counts of this person's queue; the page then fetches itself
// again through the normal view (permissions checked, the read logged) and swaps the
// list. Without JavaScript, or without a connection, the page shows what it loaded and
// says "Geen live updates" (decision 0071); it reconnects with back-off.
(function () {
  "use strict";
  var region = document.getElementById("vs-queue-live");
  var status = document.getElementById("vs-live-status");
  if (!region || !region.dataset.socketPath || !window.WebSocket || !window.fetch) { return; }
  var retry = 1000;
  var timer = null;
  var offline = false;
  var counts = {};

  // "{open}" and "{vandaag}" in the texts: the counts of this person's queue.
  function fill(text) {
    return (text || "").replace("{open}", counts.open || 0).replace("{vandaag}", counts.vandaag || 0);
  }

  function say(text) { if (status) { status.textContent = text; } }

  function focusInside() {
    return region.contains(document.activeElement) && document.activeElement !== region;
  }

  function refresh() {
    timer = null;
    // Someone working in the list keeps his place: offer the new list instead.
    if (focusInside()) {
      say(fill(region.dataset.changedText));
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("vs-queue-live");
        if (!fresh || focusInside()) { return; }
        region.innerHTML = fresh.innerHTML;
        say(fill(region.dataset.updatedText));
      })
      .catch(function () {});
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + region.dataset.socketPath);
    socket.onopen = function () {
      retry = 1000;
      if (offline) { say(""); offline = false; }
      region.dataset.live = "connected";
    };
    socket.onmessage = function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (error) { return; }
      if (event.type !== "queue.changed") { return; }
      counts = event.counts || {};
      // An import sends one event per partner and municipality: fetch once.
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(refresh, 700);
    };
    socket.onclose = function (event) {
      if (event.code === 4403) { region.dataset.live = "closed"; return; }
      // Say it once, not on every retry (the status region is read out).
      if (!offline) { say(region.dataset.offlineText || ""); }
      offline = true;
      region.dataset.live = "offline";
      window.setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  connect();
})();
