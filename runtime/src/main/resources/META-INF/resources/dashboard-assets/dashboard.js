// The owner's dashboard: a live list (the waiting orders, the order events) follows the server's feed (server-sent
// events) named by its data-live attribute and fetches itself again from data-list when the feed's signature differs
// from the one it shows. Everything else is plain HTML forms, which work without this script.
(function () {
  'use strict';
  var box = document.querySelector('[data-live][data-list]');
  if (!box || !window.EventSource) {
    return;
  }
  var status = document.getElementById('live-status');
  var source = new EventSource(box.getAttribute('data-live'));
  source.onmessage = function (event) {
    var shown = box.querySelector('[data-signature]');
    if (shown && shown.getAttribute('data-signature') === event.data) {
      return;
    }
    // Keep what the owner is typing (a rejection reason) unless its order is gone.
    var focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
    var typed = {};
    box.querySelectorAll('input[name=reason]').forEach(function (input) { typed[input.id] = input.value; });
    fetch(box.getAttribute('data-list'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (response.redirected) {
          // The session ended (signed out elsewhere, expired): the page itself goes to the sign-in form.
          window.location.reload();
          throw new Error('signed out');
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        box.innerHTML = html;
        Object.keys(typed).forEach(function (id) {
          var input = document.getElementById(id);
          if (input) { input.value = typed[id]; }
        });
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
        if (status) { status.textContent = box.getAttribute('data-updated'); }
      })
      .catch(function () { /* the next change tries again; a reload always works */ });
  };
})();
// A page showing something still under way (a catalog sync's run) reloads itself every few seconds until it ends.
(function () {
  'use strict';
  var running = document.querySelector('[data-reload-after]');
  if (running) {
    window.setTimeout(function () { window.location.reload(); }, 1000 * Number(running.getAttribute('data-reload-after')));
  }
})();
