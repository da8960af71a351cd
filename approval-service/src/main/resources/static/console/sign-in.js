// Sign-in: a development token from budget-service (through this service) or a pasted one, kept in
// sessionStorage; then on to the page the role can use.
(function () {
  'use strict';
  const error = document.getElementById('sign-in-error');
  if (new URLSearchParams(window.location.search).has('expired')) {
    document.getElementById('expired').hidden = false;
  }

  function next(claims) {
    const role = claims && claims.role;
    window.location.assign(role === 'AUDITOR' || role === 'AUTHORITY' ? 'queue.html'
      : role === 'SYSTEM' ? 'replay.html' : 'budget.html');
  }

  document.getElementById('dev-form').addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const request = {
      sub: document.getElementById('dev-sub').value.trim(),
      role: document.getElementById('dev-role').value
    };
    const person = document.getElementById('dev-person').value.trim();
    const limit = document.getElementById('dev-limit').value.trim();
    const council = document.getElementById('dev-council').value.trim();
    if (person) { request.person = person; }
    if (council) { request.council = council; }
    if (limit) { request.authorisation_limit = Number(limit); }
    try {
      const answer = await Console.api('/dev/tokens', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request)
      });
      Console.signIn(answer.token);
      next(Console.claims());
    } catch (failed) {
      error.hidden = false;
      error.textContent = failed.status === 404 || failed.status === 401
        ? 'Development tokens are not available here: paste a token instead.'
        : 'No token: ' + failed.message;
    }
  });

  document.getElementById('paste-form').addEventListener('submit', event => {
    event.preventDefault();
    Console.signIn(document.getElementById('pasted-token').value);
    const claims = Console.claims();
    if (!claims) {
      sessionStorage.clear();
      error.hidden = false;
      error.textContent = 'That is not a token this console can read: paste the whole JWT.';
      return;
    }
    next(claims);
  });
}());
