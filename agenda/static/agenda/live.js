// Live pact dashboard: on an event, re-fetch the fragment through the normal view.
// Without JavaScript (or without a connection) the page simply shows what it loaded.
(function () {
  "use strict";
  var region = document.getElementById("dashboard-live");
  var status = document.getElementById("live-status");
  if (!region || !region.dataset.socketPath || !window.WebSocket) { return; }
  var retry = 1000;
  function refresh() {
    fetch(region.dataset.fragmentUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
      .then(function (html) {
        region.innerHTML = html;
        if (status) { status.textContent = region.dataset.updatedText || "Het overzicht is bijgewerkt."; }
      })
      .catch(function () {});
  }
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + region.dataset.socketPath);
    socket.onopen = function () {
      retry = 1000;
      if (region.dataset.live === "offline" && status) { status.textContent = ""; }
      region.dataset.live = "connected";
    };
    socket.onmessage = function () { refresh(); };
    socket.onclose = function (event) {
      if (event.code === 4403) { region.dataset.live = "closed"; return; }
      // Say it once, not on every retry (the status region is read out).
      if (region.dataset.live !== "offline" && status && region.dataset.offlineText) {
        status.textContent = region.dataset.offlineText;
      }
      region.dataset.live = "offline";
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }
  connect();
})();
