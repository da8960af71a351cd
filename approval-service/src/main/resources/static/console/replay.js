// Starts a rebuild of the projections (auditors and operators' systems) and shows its progress live.
(function () {
  'use strict';
  const who = Console.requireSignIn();
  if (!who) { return; }
  const C = Console;
  const button = document.getElementById('start-replay');
  const bar = document.getElementById('replay-progress');
  const status = document.getElementById('replay-status');
  const errorRegion = document.getElementById('replay-error');
  const POLL_MILLIS = 500;

  if (who.role !== 'AUDITOR' && who.role !== 'SYSTEM') {
    button.disabled = true;
    const note = document.getElementById('replay-role');
    note.hidden = false;
    note.textContent = 'Only auditors and operators\' systems may rebuild the projections; you are signed in as '
      + who.role + '.';
  }

  button.addEventListener('click', async () => {
    errorRegion.hidden = true;
    button.disabled = true;
    try {
      const replay = await C.api('/api/v1/replays', { method: 'POST' });
      show(replay);
      follow(replay.id);
    } catch (failed) {
      C.showError(errorRegion, failed);
      button.disabled = false;
    }
  });

  function show(replay) {
    bar.value = replay.percent;
    bar.textContent = replay.percent + ' %';
    bar.setAttribute('aria-valuetext', replay.percent + ' %');
    status.textContent = replay.status === 'COMPLETED'
      ? 'Completed: ' + replay.eventsProcessed + ' of ' + replay.eventsTotal + ' events (100 %), finished at '
        + C.when(replay.finishedAt) + '.'
      : replay.status === 'FAILED'
      ? 'Failed: intake could not be paused on every instance; nothing changed.'
      : 'Running: ' + replay.eventsProcessed + ' of ' + replay.eventsTotal + ' events (' + replay.percent + ' %)'
        + (replay.etaSeconds === null ? '' : ', about ' + C.duration(replay.etaSeconds) + ' to go') + '.';
    status.dataset.status = replay.status;
    status.dataset.percent = replay.percent;
  }

  function follow(id) {
    setTimeout(async () => {
      try {
        const replay = await C.api('/api/v1/replays/' + encodeURIComponent(id));
        show(replay);
        if (replay.status === 'COMPLETED' || replay.status === 'FAILED') {
          button.disabled = false;
        } else {
          follow(id);
        }
      } catch (failed) {
        C.showError(errorRegion, failed);
        button.disabled = false;
      }
    }, POLL_MILLIS);
  }
}());
