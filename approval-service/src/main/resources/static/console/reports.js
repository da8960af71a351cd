// The reports for a range of dates: the control summary as charts, each with its figures as a table, and its figures
// as a CSV download; the outcomes report as a chart with tables; the co-production and timeliness reports as tables.
(function () {
  'use strict';
  const who = Console.requireSignIn();
  if (!who) { return; }
  const C = Console;
  const PARTIES = ['PERSON', 'NOMINEE', 'PRACTITIONER', 'AUTHORITY', 'PROVIDER'];
  const GROUPS = ['DIRECT_PAYMENT', 'COUNCIL_MANAGED', 'INDIVIDUAL_SERVICE_FUND', 'MIXED', 'NONE'];
  const BUCKETS = [
    { label: 'under 1 hour', upTo: 3600 }, { label: '1 hour to 1 day', upTo: 86400 },
    { label: '1 to 7 days', upTo: 7 * 86400 }, { label: '7 to 28 days', upTo: 28 * 86400 },
    { label: 'over 28 days', upTo: Infinity }
  ];
  const errorRegion = document.getElementById('report-error');
  const from = document.getElementById('from');
  const to = document.getElementById('to');
  const csvLink = document.getElementById('csv');
  let csvUrl = null;
  let outcomesCsvUrl = null;
  let timelinessCsvUrl = null;

  // datetime-local holds the browser's local time; the API takes instants.
  function local(date) {
    const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 19);
  }
  const now = new Date();
  to.value = local(new Date(now.getTime() + 60000));
  from.value = local(new Date(now.getTime() - 30 * 86400000));

  document.getElementById('range-form').addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  load();

  async function load() {
    errorRegion.hidden = true;
    const range = '?from=' + encodeURIComponent(new Date(from.value).toISOString())
      + '&to=' + encodeURIComponent(new Date(to.value).toISOString());
    let report;
    try {
      report = await C.api('/api/v1/reports/control-summary' + range);
    } catch (failed) {
      C.showError(errorRegion, failed);
      return;
    }
    document.getElementById('report').hidden = false;
    document.getElementById('report-range').textContent = 'From ' + C.when(report.from) + ' to ' + C.when(report.end)
      + ' (' + report.overall.personControl.budgets.length + ' budgets alive in the range).';
    partyTime(report.overall);
    waits(report.overall);
    rates(report);
    overdue(report.overall);
    preferred(report.overall);
    challenges(report.overall);
    csv(report);
    try {
      const [outcomes, coProduction, timeliness] = await Promise.all(['outcomes', 'co-production', 'timeliness']
        .map(name => C.api('/api/v1/reports/' + name + range)));
      outcomesReport(outcomes);
      outcomesCsv(outcomes);
      coProductionReport(coProduction);
      timelinessReport(timeliness);
      timelinessCsv(timeliness);
    } catch (failed) {
      C.showError(errorRegion, failed);
    }
  }

  function words(key) {
    return key.charAt(0) + key.slice(1).replace(/_/g, ' ').toLowerCase();
  }

  function outcomesReport(report) {
    document.getElementById('outcomes-summary').textContent = report.outcomes + (report.outcomes === 1 ? ' outcome' : ' outcomes')
      + ' recorded for ' + report.budgets + (report.budgets === 1 ? ' budget' : ' budgets') + '; '
      + C.percent(report.tiedToRecoveryGoalShare) + ' tied to a recovery goal.';
    const rows = report.byDomain.map(count => ({ label: words(count.key), value: count.outcomes, key: count.key, budgets: count.budgets }));
    barChart(document.getElementById('outcomes-chart'), rows, n => n + (n === 1 ? ' outcome' : ' outcomes'));
    table('outcomes-table', ['Outcome domain', 'Outcomes', 'Budgets'], rows.map(r => [r.label, String(r.value), String(r.budgets)]));
    document.querySelectorAll('#outcomes-table tbody tr').forEach((row, i) => {
      if (rows[i]) { row.dataset.key = rows[i].key; }
    });
    const by = [['How the plan was made', report.byPlanMadeBy], ['Management option', report.byManagementOption],
      ['Recovery goal', report.byRecoveryGoal]];
    const byRows = [];
    by.forEach(([name, counts]) => counts.forEach(count => byRows.push([name + ': ' + (count.key === 'NONE' ? 'none' : name === 'Recovery goal' ? count.key : words(count.key)),
      String(count.outcomes), String(count.budgets)])));
    table('outcomes-by-table', ['Breakdown', 'Outcomes', 'Budgets'], byRows);
  }

  function coProductionReport(report) {
    const a = report.assessments;
    const p = report.plans;
    const acts = report.actsForThePerson;
    const part = report.participation;
    const byRole = Object.entries(acts.onBehalfByRole || {}).map(([role, n]) => n + ' by ' + role.toLowerCase()).join(', ');
    table('co-production-table', ['Figure', 'Share', 'Counted'], [
      ['Assessments made by the person (self-assessment)', C.percent(a.selfShare), a.byKind.SELF + ' of ' + a.total],
      ['Assessments co-produced', C.percent(a.coProducedShare), a.byKind.CO_PRODUCED + ' of ' + a.total],
      ['Plans made by the person or with peer support', C.percent(p.byPersonOrPeerShare),
        (p.byMadeBy.SELF + p.byMadeBy.PEER_SUPPORTED) + ' of ' + p.submitted],
      ['The person\'s acts done on their behalf', C.percent(acts.onBehalfShare),
        acts.onBehalf + ' of ' + acts.total + (byRole ? ' (' + byRole + ')' : '')],
      ['Authority decisions the person took part in', C.percent(part.tookPartShare),
        part.tookPart + ' of ' + (part.tookPart + part.didNotTakePart) + ' recorded (' + part.notRecorded + ' not recorded)']
    ]);
  }

  function timelinessReport(report) {
    table('timeliness-table', ['Duty', 'Started', 'Met', 'Median', '90th percentile', 'Met in time', 'Met late', 'Missed'],
      report.duties.map(d => [words(d.kind), String(d.started), String(d.met), C.duration(d.medianSeconds),
        C.duration(d.p90Seconds), String(d.metInTime), String(d.metLate), String(d.missed)]));
    document.querySelectorAll('#timeliness-table tbody tr').forEach((row, i) => {
      if (report.duties[i]) { row.dataset.kind = report.duties[i].kind; }
    });
    const overdue = [];
    report.duties.forEach(d => d.overdue.forEach(o => overdue.push(o)));
    table('timeliness-overdue-table', ['Budget', 'Duty', 'Due by', 'Ended', 'Overdue by'],
      overdue.map(o => [o.budgetId, words(o.kind), C.when(o.dueBy), o.endedAt ? C.when(o.endedAt) + ' (' + o.end.toLowerCase() + ')' : 'still open',
        C.duration(o.overdueSeconds)]));
    table('suspensions-table', ['Budget', 'Suspended since', 'Resumed', 'Suspended in the range'],
      report.suspensions.suspensions.map(s => [s.budgetId, C.when(s.since), s.suspendedAtEnd ? 'not yet' : C.when(s.endedAt),
        C.duration(s.secondsInRange)]));
  }

  /** A horizontal bar chart; its figures are in the table beside it, so the SVG itself is hidden from readers. */
  function barChart(place, rows, format, max) {
    place.innerHTML = '';
    const width = 760;
    const labelWidth = 230;
    const rowHeight = 30;
    const svg = C.svg('svg', { viewBox: '0 0 ' + width + ' ' + (rows.length * rowHeight + 10), width: '100%', 'aria-hidden': 'true' });
    const top = max || Math.max(1, ...rows.map(r => r.value || 0));
    rows.forEach((row, i) => {
      const y = 5 + i * rowHeight;
      const length = (width - labelWidth - 140) * (row.value || 0) / top;
      svg.append(C.svg('text', { x: 0, y: y + 19 }, row.label));
      svg.append(C.svg('rect', { class: row.className || 'bar', x: labelWidth, y: y + 4, width: Math.max(length, 1), height: rowHeight - 10 }));
      svg.append(C.svg('text', { x: labelWidth + length + 8, y: y + 19 }, format(row.value)));
    });
    place.append(svg);
  }

  function table(id, headings, rows) {
    const element = document.getElementById(id);
    const head = element.tHead || element.createTHead();
    head.innerHTML = '';
    const headRow = head.insertRow();
    headings.forEach(h => headRow.append(C.element('th', { scope: 'col', text: h })));
    const body = element.tBodies[0] || element.createTBody();
    body.innerHTML = '';
    rows.forEach(cells => {
      const row = body.insertRow();
      cells.forEach((cell, i) => row.append(C.element(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', text: cell } : { text: cell })));
    });
    if (!rows.length) {
      body.append(C.element('tr', {}, [C.element('td', { colspan: headings.length, text: 'None in the range.' })]));
    }
  }

  function partyTime(figures) {
    const held = figures.secondsHeldByParty;
    const total = PARTIES.reduce((sum, party) => sum + (held[party] || 0), 0);
    const rows = PARTIES.map(party => ({ label: party.charAt(0) + party.slice(1).toLowerCase(), value: held[party] || 0, className: 'bar-' + party }));
    barChart(document.getElementById('party-chart'), rows, C.duration);
    table('party-table', ['Party', 'Time held', 'Share of all time held'], rows.map(r =>
      [r.label, C.duration(r.value), total ? C.percent(r.value / total) : '–']));
  }

  function waits(figures) {
    const seconds = figures.authorityWaitSeconds;
    const counts = BUCKETS.map(() => 0);
    seconds.forEach(s => { counts[BUCKETS.findIndex(b => s < b.upTo)]++; });
    const rows = BUCKETS.map((b, i) => ({ label: b.label, value: counts[i] }));
    barChart(document.getElementById('waits-chart'), rows, n => n + (n === 1 ? ' plan' : ' plans'));
    const waiting = figures.authorityWaiting;
    document.getElementById('waits-caption').textContent = 'How long endorsed plans waited for the authority\'s '
      + 'decision: ' + waiting.plansDecided + ' decided, median ' + C.duration(waiting.medianSeconds)
      + ', 90th percentile ' + C.duration(waiting.p90Seconds);
    table('waits-table', ['Waited', 'Plans'], rows.map(r => [r.label, String(r.value)]));
  }

  function rates(report) {
    const groups = [['Overall', report.overall]].concat(GROUPS.map(g => [g.replace(/_/g, ' ').toLowerCase(), report.byManagementOption[g]]));
    const rows = [];
    groups.forEach(([name, f]) => {
      rows.push({ label: name + ': contest', value: f.contests.contestRate, className: 'bar-AUTHORITY' });
      rows.push({ label: name + ': return', value: f.plans.returnRate, className: 'bar-PRACTITIONER' });
      rows.push({ label: name + ': decline', value: f.plans.declineRate, className: 'bar-NOMINEE' });
    });
    barChart(document.getElementById('rates-chart'), rows, C.percent, 1);
    table('rates-table', ['Management option', 'Contest rate', 'Return rate', 'Decline rate', 'Person\'s average share of control', 'Budgets'],
      groups.map(([name, f]) => [name, C.percent(f.contests.contestRate) + ' (' + f.contests.budgetsContested + ' of ' + f.contests.budgetsOffered + ')',
        C.percent(f.plans.returnRate) + ' (' + f.plans.returned + ' of ' + f.plans.submitted + ')',
        C.percent(f.plans.declineRate) + ' (' + f.plans.declined + ' of ' + f.plans.endorsed + ')',
        C.percent(f.personControl.averageShare), String(f.personControl.budgets.length)]));
  }

  function overdue(figures) {
    table('overdue-table', ['Budget', 'Delegate', 'Intended end', 'Ended', 'Overdue by'],
      figures.overdueDelegations.delegations.map(d => [d.budgetId, d.delegateId + ' (' + d.delegateRole + ')',
        C.when(d.intendedEnd), d.endedAt ? C.when(d.endedAt) : 'still in force', C.duration(d.overdueSeconds)]));
  }

  function preferred(figures) {
    const levels = ['HOLD_IT_MYSELF', 'SHARE_IT', 'HAVE_IT_MANAGED', 'NOT_RECORDED'];
    const label = level => level.replace(/_/g, ' ').toLowerCase();
    const rows = levels.map(level => ({ label: label(level), value: figures.byPreferredControl[level].share, className: 'bar-PERSON' }));
    barChart(document.getElementById('preferred-chart'), rows, C.percent, 1);
    table('preferred-table', ['Control wanted', 'Share held by the person', 'Time held', 'Time wanted', 'Budgets'],
      levels.map(level => {
        const f = figures.byPreferredControl[level];
        return [label(level), C.percent(f.share), C.duration(f.personSeconds), C.duration(f.lifeSeconds), String(f.budgets)];
      }));
  }

  function challenges(figures) {
    const c = figures.challenges;
    table('challenges-table', ['Figure', 'Value'], [
      ['Raised', String(c.raised)],
      ['of an approved amount', String(c.byDecision.APPROVED_AMOUNT)],
      ['of a decline', String(c.byDecision.DECLINE)],
      ['of a reduction', String(c.byDecision.REDUCTION)],
      ['Answered', String(c.answered)],
      ['upheld', String(c.upheld)],
      ['partly upheld', String(c.partlyUpheld)],
      ['not upheld', String(c.notUpheld)],
      ['Answer wait, median', C.duration(c.answerWaitMedianSeconds)],
      ['Answer wait, 90th percentile', C.duration(c.answerWaitP90Seconds)],
      ['Awaiting an answer at the end', String(c.awaitingAnswer)]]);
  }

  /** Every figure as one row: group, figure, value. */
  function csv(report) {
    const lines = [['from', 'to', 'group', 'figure', 'value']];
    const add = (group, name, value) => lines.push([report.from, report.end, group, name, value === null || value === undefined ? '' : String(value)]);
    [['OVERALL', report.overall]].concat(GROUPS.map(g => [g, report.byManagementOption[g]])).forEach(([group, f]) => {
      add(group, 'plansDecided', f.authorityWaiting.plansDecided);
      add(group, 'authorityWaitMedianSeconds', f.authorityWaiting.medianSeconds);
      add(group, 'authorityWaitP90Seconds', f.authorityWaiting.p90Seconds);
      PARTIES.concat(['NOBODY']).forEach(party => add(group, 'secondsHeldBy' + party, f.secondsHeldByParty[party]));
      ['budgetsOffered', 'budgetsContested', 'contestRate', 'contests', 'raisedToAsked', 'raisedPartly', 'notRaised',
        'lapsed', 'awaitingAnswer'].forEach(name => add(group, name, f.contests[name]));
      add(group, 'contestsWithdrawn', f.contests.withdrawn);
      ['submitted', 'returned', 'returnRate', 'endorsed', 'declined', 'declineRate'].forEach(name => add(group, name, f.plans[name]));
      add(group, 'plansWithdrawn', f.plans.withdrawn);
      add(group, 'personAverageShare', f.personControl.averageShare);
      add(group, 'overdueDelegations', f.overdueDelegations.count);
      ['raised', 'answered', 'upheld', 'partlyUpheld', 'notUpheld', 'answerWaitMedianSeconds', 'answerWaitP90Seconds',
        'awaitingAnswer'].forEach(name => add(group, 'challenges.' + name, f.challenges[name]));
      Object.keys(f.byPreferredControl).forEach(level =>
        add(group, 'personShareWanting' + level, f.byPreferredControl[level].share));
    });
    csvUrl = download(csvLink, csvUrl, lines);
  }

  /** Rows as RFC 4180 CSV behind a download link (the previous file released). */
  function download(link, previous, lines) {
    const text = lines.map(row => row.map(cell => /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell).join(',')).join('\r\n') + '\r\n';
    if (previous) { URL.revokeObjectURL(previous); }
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.href = url;
    link.hidden = false;
    return url;
  }

  /** Text a spreadsheet shows but never evaluates (a recovery goal id may start with '-'), as the server's CSV does. */
  function cell(value) {
    const text = value === null || value === undefined ? '' : String(value);
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  /** The outcomes report as rows: breakdown, key, outcomes, budgets. */
  function outcomesCsv(report) {
    const lines = [['from', 'to', 'breakdown', 'key', 'outcomes', 'budgets']];
    lines.push([report.from, report.end, 'all', 'all', String(report.outcomes), String(report.budgets)]);
    [['domain', report.byDomain], ['recoveryGoal', report.byRecoveryGoal], ['planMadeBy', report.byPlanMadeBy],
      ['managementOption', report.byManagementOption]].forEach(([breakdown, counts]) => counts.forEach(count =>
      lines.push([report.from, report.end, breakdown, cell(count.key), String(count.outcomes), String(count.budgets)])));
    outcomesCsvUrl = download(document.getElementById('outcomes-csv'), outcomesCsvUrl, lines);
  }

  /** The timeliness report as rows: duty, figure, value. */
  function timelinessCsv(report) {
    const lines = [['from', 'to', 'duty', 'figure', 'value']];
    report.duties.forEach(d => ['started', 'met', 'medianSeconds', 'p90Seconds', 'metInTime', 'metLate', 'missed']
      .forEach(figure => lines.push([report.from, report.end, d.kind, figure, cell(d[figure])])));
    lines.push([report.from, report.end, 'SUSPENSION', 'suspendedSeconds', String(report.suspensions.suspendedSeconds)]);
    timelinessCsvUrl = download(document.getElementById('timeliness-csv'), timelinessCsvUrl, lines);
  }
}());
