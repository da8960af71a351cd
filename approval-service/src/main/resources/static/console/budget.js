// The budget page: swimlanes of who held control (from the control trail), the decision history, the state at
// a point in time (budget-service's asOf, read through this service) and the verification of the history.
(function () {
  'use strict';
  const who = Console.requireSignIn();
  if (!who) { return; }
  const C = Console;
  const BASE_LANES = ['PERSON', 'NOMINEE', 'PRACTITIONER', 'AUTHORITY'];
  const LANE_NAMES = {
    PERSON: 'Person', NOMINEE: 'Nominee', PRACTITIONER: 'Practitioner', AUTHORITY: 'Authority', PROVIDER: 'Provider'
  };
  const DAY = 86400;
  const errorRegion = document.getElementById('budget-error');
  const idInput = document.getElementById('budget-id');
  const spacing = document.getElementById('spacing');
  const longWait = document.getElementById('long-wait');
  const slider = document.getElementById('as-of');
  const moment = document.getElementById('as-of-moment');
  const asOfValue = document.getElementById('as-of-value');
  let budget = null;   // { id, transfers, decisions, overrun: Map(delegation's transfer sequence -> delegation) }
  let selected = null;
  let stateRequest = 0;

  document.getElementById('budget-form').addEventListener('submit', event => {
    event.preventDefault();
    const id = idInput.value.trim();
    history.replaceState(null, '', 'budget.html?id=' + encodeURIComponent(id));
    load(id);
  });
  spacing.addEventListener('change', draw);
  longWait.addEventListener('input', draw);
  slider.addEventListener('input', () => showAfterTransfer(Number(slider.value)));
  moment.addEventListener('change', () => {
    if (moment.value) { showAt(new Date(moment.value)); }
  });
  document.getElementById('as-of-now').addEventListener('click', () => {
    slider.value = slider.max;
    showAfterTransfer(Number(slider.max));
  });

  const initial = new URLSearchParams(window.location.search).get('id');
  if (initial) {
    idInput.value = initial;
    load(initial);
  }

  async function load(id) {
    errorRegion.hidden = true;
    document.getElementById('budget-view').hidden = true;
    const path = '/api/v1/budgets/' + encodeURIComponent(id);
    try {
      const [trail, decisions] = await Promise.all([C.api(path + '/control-trail'), C.api(path + '/decisions')]);
      budget = {
        id: id, transfers: trail.transfers, decisions: decisions.decisions, challenges: trail.challenges || [],
        overrun: new Map(trail.overdueDelegations.map(d => [d.sequence, d]))
      };
      document.getElementById('rebuild-notice').hidden = !(trail.rebuildInProgress || decisions.rebuildInProgress);
    } catch (failed) {
      C.showError(errorRegion, failed);
      return;
    }
    document.getElementById('budget-view').hidden = false;
    selected = null;
    document.getElementById('transfer-detail').textContent = 'Choose a transfer to see its details.';
    slider.max = String(budget.transfers.length - 1);
    slider.value = slider.max;
    draw();
    showAfterTransfer(Number(slider.max));
    verify(path);
  }

  async function verify(path) {
    const place = document.getElementById('verification');
    if (who.role !== 'AUDITOR' && who.role !== 'AUTHORITY') {
      place.textContent = 'Only the authority and auditors can verify a budget\'s history.';
      return;
    }
    place.textContent = 'Checking…';
    try {
      const result = await C.api(path + '/verification');
      place.innerHTML = '';
      if (result.intact) {
        place.append(C.element('span', { class: 'ok', text: 'Intact: ' }),
          result.eventsChecked + ' events checked against their hash chain'
          + (result.legacyEvents ? ' (' + result.legacyEvents + ' stored before the chain)' : '')
          + ', at ' + C.when(result.checkedAt) + '.');
      } else {
        const mismatch = result.firstMismatch || {};
        place.append(C.element('span', { class: 'bad', text: 'Not intact: ' }),
          'event ' + mismatch.sequence + ' (' + mismatch.eventType + '): ' + mismatch.explanation + '.');
      }
    } catch (failed) {
      place.textContent = 'Could not verify: ' + failed.message;
    }
  }

  function lanesOf(transfers) {
    const lanes = BASE_LANES.slice();
    transfers.forEach(t => [t.from.party, t.to.party].forEach(party => {
      if (party !== 'NOBODY' && lanes.indexOf(party) < 0) { lanes.push(party); }
    }));
    return lanes;
  }

  function longWaitSeconds() {
    const days = Number(longWait.value);
    return Number.isFinite(days) && days >= 0 ? days * DAY : 14 * DAY;
  }

  /** A transfer that ended an authority holding longer than the threshold. */
  function isLongAuthorityWait(t) {
    return t.from.party === 'AUTHORITY' && t.heldForSeconds !== null && t.heldForSeconds > longWaitSeconds();
  }

  function timelineEnd(transfers) {
    const last = transfers[transfers.length - 1];
    return last.to.party === 'NOBODY' ? Date.parse(last.at) : Math.max(Date.now(), Date.parse(last.at));
  }

  function draw() {
    const transfers = budget.transfers;
    const container = document.getElementById('swimlane');
    container.innerHTML = '';
    if (!transfers.length) {
      container.textContent = 'No transfers yet.';
      return;
    }
    const lanes = lanesOf(transfers);
    const labelWidth = 130;
    const width = 1000;
    const laneHeight = 46;
    const top = 10;
    const height = top + lanes.length * laneHeight + 30;
    const plotWidth = width - labelWidth - 20;
    const start = Date.parse(transfers[0].at);
    const end = timelineEnd(transfers);
    const even = spacing.value === 'even';
    const openEnded = transfers[transfers.length - 1].to.party !== 'NOBODY';
    const steps = transfers.length - 1 + (openEnded ? 1 : 0);
    const x = index => {
      if (even) {
        return labelWidth + (steps === 0 ? 0 : plotWidth * index / steps);
      }
      const at = index >= transfers.length ? end : Date.parse(transfers[index].at);
      return labelWidth + (end === start ? 0 : plotWidth * (at - start) / (end - start));
    };
    const laneY = party => top + lanes.indexOf(party) * laneHeight;
    const svg = C.svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'group',
      'aria-labelledby': 'swimlane-caption', id: 'swimlane-svg'
    });
    lanes.forEach(party => {
      const lane = C.svg('g', { 'data-lane': party });
      lane.append(C.svg('rect', { class: 'lane', x: labelWidth, y: laneY(party) + 4, width: plotWidth, height: laneHeight - 8 }));
      lane.append(C.svg('text', { class: 'lane-label', x: 8, y: laneY(party) + laneHeight / 2 + 5 }, LANE_NAMES[party] || party));
      svg.append(lane);
    });
    // One bar per holding: from the transfer that gave control until the next one (or now).
    transfers.forEach((t, i) => {
      if (t.to.party === 'NOBODY') { return; }
      const x0 = x(i);
      const x1 = x(i + 1 < transfers.length ? i + 1 : transfers.length);
      const y = laneY(t.to.party) + 9;
      const next = transfers[i + 1];
      const bar = C.svg('rect', {
        class: 'bar-' + t.to.party, x: x0, y: y, width: Math.max(x1 - x0, 2), height: laneHeight - 18,
        'data-holding': t.sequence
      });
      bar.append(C.svg('title', {}, C.holder(t.to) + ' held control from ' + C.when(t.at)
        + (next ? ' to ' + C.when(next.at) + ' (' + C.duration(next.heldForSeconds) + ')' : ' until now')));
      svg.append(bar);
      if (t.to.actorId && x1 - x0 > 8 * t.to.actorId.length) {
        svg.append(C.svg('text', { class: 'bar-label', x: x0 + 6, y: y + laneHeight / 2 - 4, 'aria-hidden': 'true' }, t.to.actorId));
      }
      const overrun = budget.overrun.get(t.sequence);
      const longWaitEnded = next && isLongAuthorityWait(next);
      if (overrun || longWaitEnded) {
        const outline = C.svg('rect', {
          class: 'overrun', x: x0 - 2, y: y - 3, width: Math.max(x1 - x0, 2) + 4, height: laneHeight - 12,
          'data-highlight': overrun ? 'overrun-delegation' : 'long-authority-wait'
        });
        outline.append(C.svg('title', {}, overrun
          ? 'Delegation ran past its intended end (' + C.when(overrun.intendedEnd) + ') by ' + C.duration(overrun.overdueSeconds)
          : 'Long authority wait: ' + C.duration(next.heldForSeconds)));
        svg.append(outline);
      }
    });
    // One marker per transfer, on the lane that gained control, joined to the lane that lost it.
    transfers.forEach((t, i) => {
      const cx = x(i);
      const toY = t.to.party === 'NOBODY' ? top + lanes.length * laneHeight + 8 : laneY(t.to.party) + laneHeight / 2;
      const fromY = t.from.party === 'NOBODY' ? top : laneY(t.from.party) + laneHeight / 2;
      const marker = C.svg('g', {
        class: 'transfer', tabindex: '0', role: 'button', 'data-sequence': t.sequence, 'data-index': i,
        'data-from': t.from.party, 'data-to': t.to.party, 'data-event': t.event,
        'aria-label': describe(t, i)
      });
      marker.append(C.svg('line', { class: 'connector', x1: cx, y1: fromY, x2: cx, y2: toY }));
      marker.append(C.svg('circle', { cx: cx, cy: toY, r: 8 }));
      marker.append(C.svg('title', {}, describe(t, i)));
      marker.addEventListener('click', () => choose(i));
      marker.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose(i);
        } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          event.preventDefault();
          const target = svg.querySelector('[data-index="' + (i + (event.key === 'ArrowRight' ? 1 : -1)) + '"]');
          if (target) { target.focus(); }
        }
      });
      if (selected === i) { marker.classList.add('selected'); }
      svg.append(marker);
    });
    const cursor = C.svg('line', { class: 'cursor', id: 'as-of-cursor', y1: 0, y2: top + lanes.length * laneHeight, 'aria-hidden': 'true' });
    svg.append(cursor);
    svg.append(C.svg('text', { x: labelWidth, y: height - 6 }, C.when(transfers[0].at)));
    svg.append(C.svg('text', { x: width - 20, y: height - 6, 'text-anchor': 'end' },
      openEnded ? 'now' : C.when(transfers[transfers.length - 1].at)));
    container.append(svg);
    budget.x = x;
    moveCursor();
    drawTables();
    drawHighlights();
  }

  function describe(t, i) {
    return 'Transfer ' + (i + 1) + ' of ' + budget.transfers.length + ': ' + t.event + ', from '
      + C.holder(t.from) + ' to ' + C.holder(t.to) + ', by ' + t.actor + ' (' + t.actorRole + ')'
      + (t.onBehalfOf ? ' on behalf of ' + t.onBehalfOf : '') + ', ' + C.when(t.at)
      + (t.reason ? '. Reason: ' + t.reason : '');
  }

  function choose(i) {
    selected = i;
    const t = budget.transfers[i];
    document.querySelectorAll('#swimlane .transfer').forEach(node =>
      node.classList.toggle('selected', Number(node.dataset.index) === i));
    const detail = document.getElementById('transfer-detail');
    detail.innerHTML = '';
    const list = C.element('dl', { class: 'state' });
    [['Transfer', (i + 1) + ' of ' + budget.transfers.length + ' (event ' + t.sequence + ')'],
      ['Event', t.event], ['From', C.holder(t.from)], ['To', C.holder(t.to)],
      ['Actor', t.actor + ' (' + t.actorRole + ')' + (t.onBehalfOf ? ', on behalf of ' + t.onBehalfOf : '')],
      ['When', C.when(t.at)], ['Reason', t.reason || 'none stated'],
      ['Previous holder held control for', C.duration(t.heldForSeconds)]]
      .forEach(([term, value]) => list.append(C.element('dt', { text: term }), C.element('dd', { text: value })));
    detail.append(list);
  }

  function drawHighlights() {
    const list = document.getElementById('highlights');
    list.innerHTML = '';
    budget.overrun.forEach(d => list.append(C.element('li', {}, [C.element('span', { class: 'flag', text: 'Overrun' }),
      ' Delegation to ' + d.delegateId + ' (event ' + d.sequence + ') was meant to end by ' + C.when(d.intendedEnd)
      + (d.endedAt ? ' and ended ' + C.duration(d.overdueSeconds) + ' late.' : ' and is ' + C.duration(d.overdueSeconds) + ' overdue.')])));
    budget.transfers.filter(isLongAuthorityWait).forEach(t => list.append(C.element('li', {}, [
      C.element('span', { class: 'flag', text: 'Long wait' }),
      ' The authority held control for ' + C.duration(t.heldForSeconds) + ' before ' + t.event + ' (event ' + t.sequence + ').'])));
    if (!list.children.length) {
      list.append(C.element('li', { text: 'No delegation overran its intended end, and no authority wait was long.' }));
    }
  }

  function drawTables() {
    C.sortable(document.getElementById('trail-table'), [
      { key: 'n', label: '#', sort: t => t.sequence },
      { key: 'at', label: 'When', sort: t => t.at },
      { key: 'event', label: 'Event', sort: t => t.event },
      { key: 'from', label: 'From' },
      { key: 'to', label: 'To' },
      { key: 'actor', label: 'Actor' },
      { key: 'reason', label: 'Reason' },
      { key: 'held', label: 'Previous holder held', sort: t => t.heldForSeconds || 0 }
    ], budget.transfers, t => {
      const row = C.element('tr', { 'data-sequence': t.sequence, class: isLongAuthorityWait(t) ? 'highlight' : null });
      [t.sequence, C.when(t.at), t.event, C.holder(t.from), C.holder(t.to),
        t.actor + ' (' + t.actorRole + ')' + (t.onBehalfOf ? ' for ' + t.onBehalfOf : ''), t.reason || '',
        C.duration(t.heldForSeconds) + (isLongAuthorityWait(t) ? ' (long wait)' : '')]
        .forEach(value => row.append(C.element('td', { text: String(value) })));
      return row;
    });
    C.sortable(document.getElementById('challenges-table'), [
      { key: 'n', label: '#', sort: c => c.sequence },
      { key: 'decision', label: 'Decision challenged', sort: c => c.decision },
      { key: 'complaint', label: 'Complaint', sort: c => c.complaintReference },
      { key: 'at', label: 'Challenged', sort: c => c.challengedAt },
      { key: 'by', label: 'By' },
      { key: 'answer', label: 'Answer', sort: c => c.result || '' },
      { key: 'waited', label: 'Waited', sort: c => c.waitedSeconds }
    ], budget.challenges, c => {
      const row = C.element('tr', { class: c.answerSequence === null ? 'highlight' : null });
      [c.sequence, c.decision, c.complaintReference, C.when(c.challengedAt),
        c.challengedBy + ' (' + c.challengedByRole + ')' + (c.onBehalfOf ? ' for ' + c.onBehalfOf : ''),
        c.answerSequence === null ? 'awaiting an answer' : c.result + ', ' + C.when(c.answeredAt) + ' by ' + c.answeredBy,
        C.duration(c.waitedSeconds) + (c.answerSequence === null ? ' so far' : '')]
        .forEach(value => row.append(C.element('td', { text: String(value) })));
      return row;
    });
    C.sortable(document.getElementById('decisions-table'), [
      { key: 'n', label: '#', sort: d => d.sequence },
      { key: 'kind', label: 'Decision', sort: d => d.kind },
      { key: 'at', label: 'When', sort: d => d.at },
      { key: 'by', label: 'By' },
      { key: 'what', label: 'Outcome, amount and reasons' },
      { key: 'waited', label: 'Waited', sort: d => d.waitedSeconds || 0 }
    ], budget.decisions, d => {
      const long = d.waitedSeconds !== null && d.waitedSeconds > longWaitSeconds()
        && (d.kind === 'APPROVAL' || d.kind === 'DECLINE' || d.kind === 'REVISION');
      const row = C.element('tr', { class: long ? 'highlight' : null });
      const what = [d.outcome, d.amount ? C.pounds(d.amount) : null, d.reasons, d.detail,
        d.personTookPart === null ? null : 'person took part: ' + (d.personTookPart ? 'yes' : 'no'),
        // A decline's and a closure's detail already says how the person was told.
        d.personToldBy && !(d.detail || '').includes('told by') ? 'person told by ' + d.personToldBy : null,
        d.personStatementAdded === null ? null : 'statement added: ' + (d.personStatementAdded ? 'yes' : 'no')]
        .filter(Boolean).join('; ');
      [d.sequence, d.kind, C.when(d.at), d.actor + ' (' + d.actorRole + ')', what,
        d.waitedSeconds === null ? '' : C.duration(d.waitedSeconds) + (long ? ' (long wait)' : '')]
        .forEach(value => row.append(C.element('td', { text: String(value) })));
      return row;
    });
  }

  /** The slider's stop i: the budget just before transfer i + 1 happened (or now, at the last stop). */
  function showAfterTransfer(i) {
    const transfers = budget.transfers;
    const t = transfers[i];
    const last = i >= transfers.length - 1;
    slider.setAttribute('aria-valuetext', 'after transfer ' + (i + 1) + ' of ' + transfers.length + ': '
      + t.event + ', control with ' + C.holder(t.to) + (last ? ' (now)' : ''));
    if (last) {
      budget.asOf = null;
    } else {
      // Everything stored before the next transfer's act: one millisecond before it.
      const nextAt = Math.floor(Date.parse(transfers[i + 1].at));
      budget.asOf = new Date(nextAt - 1);
    }
    showState();
  }

  function showAt(date) {
    budget.asOf = date;
    showState();
  }

  function moveCursor() {
    const cursor = document.getElementById('as-of-cursor');
    if (!cursor || !budget.x) { return; }
    const transfers = budget.transfers;
    let index = transfers.length;
    if (budget.asOf) {
      index = transfers.findIndex(t => Date.parse(t.at) > budget.asOf.getTime());
      index = index < 0 ? transfers.length : index;
    }
    const position = index >= transfers.length && transfers[transfers.length - 1].to.party === 'NOBODY'
      ? budget.x(transfers.length - 1) : budget.x(Math.max(index - 1, 0) + (budget.asOf ? 0.5 : 1));
    const at = Math.min(position, budget.x(transfers.length));
    cursor.setAttribute('x1', at);
    cursor.setAttribute('x2', at);
  }

  async function showState() {
    const request = ++stateRequest;
    const place = document.getElementById('state');
    asOfValue.textContent = budget.asOf ? budget.asOf.toISOString() : 'now';
    asOfValue.dataset.instant = budget.asOf ? budget.asOf.toISOString() : '';
    moveCursor();
    place.textContent = 'Loading…';
    const query = budget.asOf ? '?asOf=' + encodeURIComponent(budget.asOf.toISOString()) : '';
    try {
      const state = await C.api('/api/v1/budgets/' + encodeURIComponent(budget.id) + '/state' + query);
      if (request !== stateRequest) { return; }
      place.innerHTML = '';
      const list = C.element('dl', { class: 'state', id: 'state-fields' });
      [['Status', state.status, 'status'], ['Control with', C.holder(state.controlHolder), 'control'],
        ['Version', String(state.version), 'version'], ['Last changed', C.when(state.lastChangedAt), 'changed'],
        ['Amount in force', C.pounds(state.currentAmount), 'amount'],
        ['Offer', state.offer ? C.pounds(state.offer.amount) : '–', 'offer'],
        ['Management', state.management ? state.management.option : '–', 'management'],
        ['Delegation in force', state.delegation ? state.delegation.delegate.id + ' until '
          + C.when(state.delegation.intendedEnd) : 'none', 'delegation']]
        .forEach(([term, value, key]) => list.append(C.element('dt', { text: term }),
          C.element('dd', { text: value, 'data-field': key })));
      place.append(list);
    } catch (failed) {
      if (request !== stateRequest) { return; }
      place.textContent = failed.status === 404
        ? 'The budget had no events stored yet at that moment.'
        : 'Could not read the state: ' + failed.message;
    }
  }
}());
