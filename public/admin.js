// Back office (server-rendered pages, no WASM): times in the editor are typed and
// shown in the editor's own time zone, while the server stores UTC. Without this
// script the page still works, with times in UTC (the page says so).
(function () {
  'use strict';
  var pad = function (n) { return String(n).padStart(2, '0'); };
  var localValue = function (date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) +
      'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
  };
  document.querySelectorAll('input[type="datetime-local"][data-utc]').forEach(function (input) {
    var utc = new Date(input.getAttribute('data-utc'));
    if (!isNaN(utc.getTime())) input.value = localValue(utc);
  });
  document.querySelectorAll('form.editor-form').forEach(function (form) {
    form.addEventListener('submit', function () {
      var when = form.querySelector('input[name="publish_at"]');
      var offset = form.querySelector('input[name="tz_offset"]');
      if (!when || !offset || !when.value) return;
      var typed = new Date(when.value);
      // Minutes east of UTC at the time chosen (summer time included).
      if (!isNaN(typed.getTime())) offset.value = String(-typed.getTimezoneOffset());
    });
  });
})();
