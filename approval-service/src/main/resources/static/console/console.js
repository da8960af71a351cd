// Shared by every console page: the signed-in token (sessionStorage only; never in a URL), calls to the API
// with it as a bearer token, the header's "signed in as", and small formatting helpers.
(function () {
  'use strict';
  const TOKEN_KEY = 'personal-budget-console-token';

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  /** The token's claims, read only to show who is signed in and to offer what their role may do. */
  function claims() {
    const value = token();
    if (!value) { return null; }
    try {
      const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (unreadable) {
      return null;
    }
  }

  function signIn(value) { sessionStorage.setItem(TOKEN_KEY, value.trim()); }
  function signOut() { sessionStorage.removeItem(TOKEN_KEY); window.location.assign('index.html'); }

  /** An API answer that was not 2xx, with the problem detail's words when there is one. */
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('the service answered ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  /** Calls the API as the signed-in user; on 401 goes back to the sign-in page. */
  async function api(path, options) {
    const headers = Object.assign({ Accept: 'application/json' }, (options && options.headers) || {});
    if (token()) { headers.Authorization = 'Bearer ' + token(); }
    const response = await fetch(path, Object.assign({}, options || {}, { headers: headers }));
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
    if (response.status === 401 && path.indexOf('/dev/') !== 0) {
      sessionStorage.removeItem(TOKEN_KEY);
      window.location.assign('index.html?expired=1');
      throw new ApiError(401, body);
    }
    if (!response.ok) { throw new ApiError(response.status, body); }
    return body;
  }

  /** Every page but the sign-in needs a token; fills in the header's "signed in as". */
  function requireSignIn() {
    const who = claims();
    if (!who) {
      window.location.assign('index.html');
      return null;
    }
    const place = document.getElementById('who');
    if (place) {
      place.textContent = 'Signed in as ' + who.sub + ' (' + who.role + (who.council ? ', ' + who.council : '') + ')';
    }
    const out = document.getElementById('sign-out');
    if (out) { out.addEventListener('click', signOut); }
    return who;
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(child => node.append(child));
    return node;
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /** Seconds as words a person reads at a glance: "3 d 4 h", "12 min 5 s", "4 s". */
  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '–'; }
    const s = Math.round(seconds);
    const parts = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
    const out = [];
    let rest = s;
    for (const [size, unit] of parts) {
      if (rest >= size && out.length < 2) {
        out.push(Math.floor(rest / size) + ' ' + unit);
        rest %= size;
      } else if (out.length > 0) {
        break;
      }
    }
    return out.length ? out.join(' ') : '0 s';
  }

  function when(instant) {
    if (!instant) { return '–'; }
    const date = new Date(instant);
    return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/Z$/, ' UTC');
  }

  function pounds(money) {
    if (!money) { return '–'; }
    const value = (money.pence / 100).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
    return value + ' ' + (money.period || '').toLowerCase();
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (Math.round(rate * 1000) / 10) + ' %';
  }

  function holder(h) {
    if (!h) { return '–'; }
    return h.actorId ? h.party + ' (' + h.actorId + ')' : h.party;
  }

  /** Shows an error in the page's alert region, where a screen reader announces it. */
  function showError(region, error) {
    region.hidden = false;
    region.textContent = error instanceof ApiError
      ? 'Could not load: ' + error.message + ' (' + error.status + ').'
      : 'Could not load: ' + error.message;
  }

  /**
   * Makes a table's columns sortable with buttons in its header cells (keyboard and screen reader friendly:
   * aria-sort says the order). {@code rows} is rebuilt from {@code items} by {@code render} on every sort.
   */
  function sortable(table, columns, items, render) {
    let sortKey = null;
    let ascending = true;
    const head = table.tHead || table.createTHead();
    head.innerHTML = '';
    const row = head.insertRow();
    columns.forEach(column => {
      const th = element('th', { scope: 'col' });
      if (column.sort) {
        const button = element('button', { type: 'button', class: 'sort', text: column.label });
        button.addEventListener('click', () => {
          ascending = sortKey === column.key ? !ascending : true;
          sortKey = column.key;
          draw();
        });
        th.append(button);
      } else {
        th.textContent = column.label;
      }
      th.dataset.key = column.key;
      row.append(th);
    });
    function draw() {
      const sorted = items.slice();
      const column = columns.find(c => c.key === sortKey);
      if (column) {
        sorted.sort((a, b) => {
          const x = column.sort(a);
          const y = column.sort(b);
          const order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
      }
      row.querySelectorAll('th').forEach(th => {
        if (th.dataset.key === sortKey) {
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        } else {
          th.removeAttribute('aria-sort');
        }
      });
      const body = table.tBodies[0] || table.createTBody();
      body.innerHTML = '';
      sorted.forEach(item => body.append(render(item)));
      if (!sorted.length) {
        body.append(element('tr', {}, [element('td', { colspan: columns.length, text: 'Nothing.' })]));
      }
    }
    draw();
  }

  window.Console = {
    token, claims, signIn, signOut, api, ApiError, requireSignIn, element, svg, duration, when, pounds,
    percent, holder, showError, sortable
  };
}());
