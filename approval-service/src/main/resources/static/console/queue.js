// The approval queue of the signed-in council: plans awaiting a decision with their level and waiting time, contests
// awaiting an answer, budgets a review ended awaiting closure, overdue duties (the timeliness queue), delegations and
// reviews with overdue ones flagged; each table sortable.
(function () {
  'use strict';
  const who = Console.requireSignIn();
  if (!who) { return; }
  const C = Console;
  const errorRegion = document.getElementById('queue-error');
  document.getElementById('refresh').addEventListener('click', load);
  load();

  function budgetLink(item) {
    return C.element('a', { href: 'budget.html?id=' + encodeURIComponent(item.entry.budgetId), text: item.entry.budgetId });
  }

  function cells(row, values) {
    values.forEach(value => row.append(value instanceof Node ? C.element('td', {}, [value]) : C.element('td', { text: String(value) })));
    return row;
  }

  function yearly(pence) {
    return pence === null || pence === undefined ? '–' : C.pounds({ pence: pence, period: 'YEARLY' });
  }

  async function load() {
    errorRegion.hidden = true;
    let queue;
    try {
      queue = await C.api('/api/v1/approvals');
    } catch (failed) {
      C.showError(errorRegion, failed);
      return;
    }
    document.getElementById('rebuild-notice').hidden = !queue.rebuildInProgress;
    document.getElementById('loaded').textContent = queue.items.length + (queue.items.length === 1 ? ' item' : ' items') + ', read at ' + C.when(new Date().toISOString());
    const of = kind => queue.items.filter(item => item.entry.kind === kind);
    const waiting = { key: 'waiting', label: 'Waiting', sort: item => item.waitingSeconds };
    C.sortable(document.getElementById('plans-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'person', label: 'Person', sort: item => item.entry.person },
      { key: 'level', label: 'Authorisation level', sort: item => item.level },
      { key: 'amount', label: 'Yearly amount', sort: item => item.entry.yearlyPence || 0 },
      { key: 'since', label: 'Endorsed', sort: item => item.entry.since },
      waiting
    ], of('PLAN_AWAITING_DECISION'), item => cells(C.element('tr', { 'data-budget': item.entry.budgetId }), [
      budgetLink(item), item.entry.person, item.level, yearly(item.entry.yearlyPence), C.when(item.entry.since),
      C.duration(item.waitingSeconds)]));
    C.sortable(document.getElementById('contests-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'person', label: 'Person', sort: item => item.entry.person },
      { key: 'asked', label: 'Asked for', sort: item => item.entry.yearlyPence || 0 },
      { key: 'since', label: 'Contested', sort: item => item.entry.since },
      waiting
    ], of('CONTEST_AWAITING_ANSWER'), item => cells(C.element('tr', { 'data-budget': item.entry.budgetId }), [
      budgetLink(item), item.entry.person, yearly(item.entry.yearlyPence), C.when(item.entry.since),
      C.duration(item.waitingSeconds)]));
    C.sortable(document.getElementById('challenges-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'person', label: 'Person', sort: item => item.entry.person },
      { key: 'decision', label: 'Decision and complaint', sort: item => item.entry.detail || '' },
      { key: 'since', label: 'Challenged', sort: item => item.entry.since },
      waiting
    ], of('CHALLENGE_AWAITING_ANSWER'), item => cells(C.element('tr', { 'data-budget': item.entry.budgetId }), [
      budgetLink(item), item.entry.person, item.entry.detail || '–', C.when(item.entry.since),
      C.duration(item.waitingSeconds)]));
    C.sortable(document.getElementById('ending-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'person', label: 'Person', sort: item => item.entry.person },
      { key: 'review', label: 'Review', sort: item => item.entry.detail || '' },
      { key: 'since', label: 'Review ended it', sort: item => item.entry.since },
      waiting
    ], of('ENDING_AWAITING_CLOSURE'), item => cells(C.element('tr', { 'data-budget': item.entry.budgetId }), [
      budgetLink(item), item.entry.person, item.entry.detail || '–', C.when(item.entry.since),
      C.duration(item.waitingSeconds)]));
    const OVERDUE = {
      OFFER_OVERDUE: 'Offer', DECISION_OVERDUE: 'Decision', INITIAL_REVIEW_OVERDUE: 'Light-touch review (8 weeks)',
      DIRECT_PAYMENT_REVIEW_OVERDUE: 'Direct payment review (6 months)', ANNUAL_REVIEW_OVERDUE: 'Annual review',
      SUSPENSION_OVERDUE: 'Suspension'
    };
    C.sortable(document.getElementById('timeliness-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'person', label: 'Person', sort: item => item.entry.person },
      { key: 'kind', label: 'Overdue', sort: item => item.entry.kind },
      { key: 'due', label: 'Due by', sort: item => item.entry.dueBy || '' },
      { key: 'since', label: 'Since', sort: item => item.entry.since },
      waiting
    ], queue.items.filter(item => OVERDUE[item.entry.kind]), item => cells(C.element('tr', {
      'data-budget': item.entry.budgetId, 'data-kind': item.entry.kind, class: 'highlight'
    }), [budgetLink(item), item.entry.person, OVERDUE[item.entry.kind], C.when(item.entry.dueBy), C.when(item.entry.since),
      C.duration(item.waitingSeconds)]));
    C.sortable(document.getElementById('due-table'), [
      { key: 'budget', label: 'Budget', sort: item => item.entry.budgetId },
      { key: 'kind', label: 'What', sort: item => item.entry.kind },
      { key: 'detail', label: 'Delegate or review kind', sort: item => item.entry.detail || '' },
      { key: 'due', label: 'Due by', sort: item => item.entry.dueBy || '' },
      { key: 'overdue', label: 'Overdue', sort: item => item.overdue ? 0 : 1 },
      waiting
    ], of('DELEGATION').concat(of('REVIEW'), of('CAPACITY_REVIEW')), item => cells(C.element('tr', {
      'data-budget': item.entry.budgetId, class: item.overdue ? 'highlight' : null
    }), [budgetLink(item), item.entry.kind === 'DELEGATION' ? 'Delegation' : 'Review', item.entry.detail || '–',
      C.when(item.entry.dueBy), item.overdue ? C.element('span', { class: 'flag', text: 'Overdue' }) : 'no',
      C.duration(item.waitingSeconds)]));
  }
}());
