// The attempt page without reloading it: each answer saved as the learner gives it, kept
// and sent again while the connection is down, and the time left counted down, the
// attempt submitted when it reaches zero. The form works without any of this: sending it
// saves every answer at once.
(function () {
  'use strict';

  var form = document.querySelector('form[data-autosave]');
  if (!form) {
    return;
  }
  var saveUrl = form.getAttribute('data-autosave');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var RETRY_MS = 5000;
  var TYPING_MS = 700;
  // per question: {timer, saving, again, failed}
  var pending = {};
  var submitting = false;

  function say(fieldset, text, failed) {
    var state = fieldset.querySelector('.save-state');
    if (state) {
      state.textContent = text;
      state.classList.toggle('failed', !!failed);
    }
  }

  // The question's fields as the form would send them.
  function body(fieldset) {
    var data = new URLSearchParams();
    data.append('_csrf', csrf);
    var controls = fieldset.querySelectorAll('input, select, textarea');
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      if (!c.name || c.disabled || ((c.type === 'radio' || c.type === 'checkbox') && !c.checked)) {
        continue;
      }
      data.append(c.name, c.value);
    }
    return data;
  }

  function save(fieldset) {
    var id = fieldset.getAttribute('data-question');
    var p = pending[id] || (pending[id] = {});
    if (p.saving) {
      p.again = true; // saved once the save in flight is answered, with what is there then
      return;
    }
    p.saving = true;
    p.again = false;
    say(fieldset, 'Saving…');
    fetch(saveUrl + encodeURIComponent(id), {
      method: 'POST',
      body: body(fieldset),
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
    }).then(function (response) {
      if (response.status === 204) {
        p.failed = false;
        say(fieldset, 'Saved');
        return;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        p.failed = response.status >= 500;
        if (response.status === 409) {
          say(fieldset, (problem.detail || 'This attempt takes no more answers.'), true);
        } else if (response.status === 401 || response.status === 403) {
          say(fieldset, 'Not saved: you are signed out. Sign in again in another tab, then change the answer.', true);
        } else {
          say(fieldset, 'Not saved: ' + (problem.detail || ('the server answered ' + response.status)), true);
        }
      });
    }, function () {
      p.failed = true;
      say(fieldset, 'Not saved yet: no connection. Trying again…', true);
    }).then(function () {
      p.saving = false;
      if (p.again) {
        save(fieldset);
      } else if (p.failed) {
        clearTimeout(p.timer);
        p.timer = setTimeout(function () { save(fieldset); }, RETRY_MS);
      }
    });
  }

  function changed(event, delay) {
    var fieldset = event.target.closest('fieldset[data-question]');
    if (!fieldset || submitting) {
      return;
    }
    var id = fieldset.getAttribute('data-question');
    var p = pending[id] || (pending[id] = {});
    clearTimeout(p.timer);
    p.timer = setTimeout(function () { save(fieldset); }, delay);
    say(fieldset, '');
  }

  form.addEventListener('input', function (e) {
    if (e.target.type === 'text' || e.target.tagName === 'TEXTAREA') {
      changed(e, TYPING_MS);
    }
  });
  form.addEventListener('change', function (e) { changed(e, 0); });
  form.addEventListener('submit', function () { submitting = true; });
  window.addEventListener('online', function () {
    Object.keys(pending).forEach(function (id) {
      if (pending[id].failed) {
        save(document.getElementById('q-' + id));
      }
    });
  });

  var countdown = document.querySelector('.countdown[data-seconds-left]');
  if (countdown) {
    // counted from the server's reckoning of the time left, not from this device's clock
    var endsAt = Date.now() + 1000 * Number(countdown.getAttribute('data-seconds-left'));
    var shown = document.createElement('span');
    countdown.textContent = 'Time left: ';
    countdown.appendChild(shown);
    var tick = function () {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      shown.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
      countdown.classList.toggle('ending', left <= 60);
      if (left === 60 || left === 10) {
        countdown.setAttribute('aria-live', 'assertive');
      }
      if (left === 0) {
        clearInterval(timer);
        if (!submitting) {
          submitting = true;
          var action = document.createElement('input');
          action.type = 'hidden';
          action.name = 'action';
          action.value = 'submit';
          form.appendChild(action);
          form.submit();
        }
      }
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
})();
