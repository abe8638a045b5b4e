'use strict';
// The 百千万工程 dashboard: report-service's JSON views drawn with ECharts, refreshed from its
// server-sent events. No build step: this file is served as it is.

const APPROVAL_COLOURS = { OPEN: '#eeeeee', SUBMITTED: '#bbdefb', APPROVED: '#c8e6c9', ACCEPTED: '#2e7d32', RETURNED: '#ffcdd2' };
// Status colours and every code's name come from labels.json, which the exports read too.
let STATUS_COLOURS = {};
const CATEGORY_COLOURS = { DEMONSTRATION: '#c62828', RENOVATION: '#1565c0', ORDINARY: '#9e9e9e' };
const PILOT_COLOURS = ['#6a1b9a', '#00838f', '#ef6c00', '#2e7d32'];
const TEXT = {
  zh: {
    title: '百千万工程监测', year: '年度', asOf: '截至', latest: '最新', overview: '总览', rankings: '下级排名', below: '下级',
    map: '村庄地图', township: '镇街', colourBy: '着色', byStatus: '指标状态', byCategory: '村庄类别', byPilot: '试点',
    allOf: '全部', villagePoints: (n, missing) => `${fmt(n, 'village', false)} 个行政村${missing ? `（${missing} 个未登记坐标，未画出）` : ''}；点的大小为常住人口，点击查看该村数据。`,
    population: '常住人口', category: '类别', pilotsLabel: '试点', none: '无', yes: '是', no: '否', reported: '已报送',
    chartData: '图表数据', previousRank: n => `上期排名 ${n}`, noPreviousRank: '无上期排名', pace: '应达进度线',
    targetLine: '目标', ownTarget: '本级目标', dataUpdated: s => `数据更新于 ${s}`, figuresAll: '全部数据（含未审核）',
    figuresOfficial: '正式口径（仅已审核）', contribution: '贡献分', weight: '权重',
    indicator: '指标下钻', gaps: '城乡差距', coverage: '村庄覆盖', treemap: '区域树图', changes: '状态变化', class: '类别',
    all: '全部', use: '使用', tokenPrompt: '请粘贴查看令牌（./bqw token --role viewer）',
    tokenMissing: '缺少令牌：请粘贴 ./bqw token --role viewer 生成的令牌，或打开 ./bqw up 打印的链接。',
    tokenExpired: '令牌无效或已过期：请粘贴新的令牌。', failed: '读取报表失败：',
    updated: s => `${s} 秒前更新`, never: '尚无数据', pending: n => `，待处理 ${n}`,
    status: '状态', actual: '实际', target: '目标', progress: '进度', expected: '应达', rule: '规则', thresholds: '阈值',
    rank: '排名', county: '区县', score: '综合得分', inClass: '类别内', change: '名次变化', urban: '城镇', rural: '农村',
    gap: '差距', villages: '行政村', region: '区域', series: '逐月', city: '全市', code: '指标',
    approvals: '审核进度', bulletins: '通报', tasks: '督办', departmentScores: '牵头单位按时完成率', overdueList: '逾期任务',
    taskList: '任务清单', department: '牵头单位', onTime: '按时', onTimeRate: '按时完成率', overdueNow: '当前逾期', due: '完成时限',
    daysOverdue: '逾期天数', task: '任务', taskCount: '任务数', reached: '完成', noTasks: '尚无任务',
    approvalsHint: '下级各单位本月数据的审核状态（按行动）：已审核、已确认的数据锁定，退回的须重新报送。', choose: '选择…',
    approvedShare: '已审核占比', units: '单位', published: '发布时间', publisher: '发布人', print: '打印', changesSince: '此后变化',
    then: '发布值', now: '现值', noChanges: '发布后没有变化', noBulletins: '尚无通报', corrects: '更正',
    figures: '口径', allFigures: '全部数据', officialFigures: '正式口径（仅已审核）', provisional: '待审',
    approvedOf: s => `已审核 ${s}%`, approve: '审核通过', accept: '确认', sendBack: '退回', reasonPrompt: '退回原因',
    stepDone: (unit, state) => `${unit}：${state}`, stepFailed: '操作未成功：',
  },
  en: {
    title: 'BQW programme monitor', year: 'Year', asOf: 'As of', latest: 'latest', overview: 'Overview',
    map: 'Village map', township: 'Township', colourBy: 'Colour by', byStatus: 'indicator status', byCategory: 'village category', byPilot: 'pilot',
    allOf: 'all', villagePoints: (n, missing) => `${fmt(n, 'village', false)} villages${missing ? ` (${missing} without registered coordinates, not drawn)` : ''}; dot size is the resident population, click a village for its figures.`,
    population: 'Residents', category: 'Category', pilotsLabel: 'Pilots', none: 'none', yes: 'yes', no: 'no', reported: 'reported',
    chartData: 'Chart data', previousRank: n => `previous rank ${n}`, noPreviousRank: 'no previous rank', pace: 'expected pace',
    targetLine: 'target', ownTarget: 'own target', dataUpdated: s => `data as of ${s}`, figuresAll: 'all reported figures',
    figuresOfficial: 'official (approved only)', contribution: 'points', weight: 'weight',
    rankings: 'Rankings below', below: 'Below', indicator: 'Indicator drill-down', gaps: 'Urban–rural gaps', coverage: 'Village coverage',
    treemap: 'Treemap', changes: 'Status changes', class: 'Class', all: 'all', use: 'Use',
    tokenPrompt: 'Paste a viewer token (./bqw token --role viewer)',
    tokenMissing: 'No token: paste one from ./bqw token --role viewer, or open the link ./bqw up printed.',
    tokenExpired: 'The token is invalid or expired: paste a new one.', failed: 'Could not read the report: ',
    updated: s => `updated ${s} s ago`, never: 'no data yet', pending: n => `, ${n} pending`,
    status: 'Status', actual: 'actual', target: 'target', progress: 'progress', expected: 'expected', rule: 'rule', thresholds: 'thresholds',
    rank: 'Rank', county: 'County', score: 'Score', inClass: 'In class', change: 'Change', urban: 'Urban', rural: 'Rural',
    gap: 'Gap', villages: 'Villages', region: 'Region', series: 'By month', city: 'City', code: 'Indicator',
    approvals: 'Approval', bulletins: 'Bulletins', tasks: 'Tasks (督办)', departmentScores: 'Lead departments on time',
    overdueList: 'Overdue tasks', taskList: 'Tasks', department: 'Lead department', onTime: 'on time', onTimeRate: 'on-time rate',
    overdueNow: 'overdue now', due: 'Due', daysOverdue: 'days overdue', task: 'Task', taskCount: 'tasks', reached: 'reached', noTasks: 'no tasks yet',
    approvalsHint: 'Where the figures of the month stand for each division below, by campaign: approved and accepted figures are locked, returned ones are submitted again.', choose: 'choose…',
    approvedShare: 'approved', units: 'units', published: 'Published', publisher: 'Publisher', print: 'Print', changesSince: 'Changes since',
    then: 'Published', now: 'Now', noChanges: 'nothing changed since', noBulletins: 'no bulletins yet', corrects: 'corrects',
    figures: 'Figures', allFigures: 'all reported', officialFigures: 'official (approved only)', provisional: 'provisional',
    approvedOf: s => `${s}% approved`, approve: 'Approve', accept: 'Accept', sendBack: 'Return', reasonPrompt: 'reason for returning',
    stepDone: (unit, state) => `${unit}: ${state}`, stepFailed: 'The step was not taken: ',
  }
};

const state = {
  language: sessionStorage.getItem('bqw.language') || 'zh', labels: {},
  token: null, view: 'overview', year: 2025, asOf: '', figures: 'all', appliedAt: null, pending: null,
  indicators: [], drill: [], charts: {},
  // The region every view is of (null: the deployment's root, until the first report names it), and the names seen.
  region: null, names: {}
};
const $ = id => document.getElementById(id);
const t = key => TEXT[state.language][key];
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
/** A code's name in the page's language, from labels.json (the code itself when it has none). */
const label = (group, code) => ((state.labels[group] || {})[code] || {})[state.language] || code || '';
const statusText = s => label('statuses', s);
/** The unit as written after a number (亩, %, 元 …). */
const unitText = unit => unit ? label('units', unit) : '';

/**
 * A figure as people write it in its unit: counts whole, percentages with one decimal, money in
 * 元 without decimals (万元 from a million), scores with one decimal; the exact number stays in the JSON.
 */
function fmt(n, unit, withUnit = true) {
  if (n === null || n === undefined) return '—';
  const rule = (state.labels.units || {})[unit] || (unit === 'score' || unit === 'progress' ? state.labels[unit] : null) || state.labels.otherUnit || { decimals: 2 };
  let value = Number(n);
  let shown = unitText(unit);
  if (rule.tenThousands && Math.abs(value) >= rule.tenThousands.from) {
    value = value / 10000;
    shown = rule.tenThousands[state.language];
  }
  const text = value.toLocaleString(state.language === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: rule.decimals });
  if (!withUnit || !shown || unit === 'score' || unit === 'progress') return text;
  return shown === '%' ? text + '%' : text + ' ' + shown;
}
/** A ratio (progress, expected pace) as a percentage with one decimal. */
const pct = r => r === null || r === undefined ? '—' : fmt(Number(r) * 100, 'progress') + '%';
const indicatorName = code => {
  const i = state.indicators.find(x => x.code === code);
  return i ? (state.language === 'zh' ? i.nameZh : (i.nameEn || i.nameZh)) : code;
};
/** An indicator's name with its code on hover. */
const named = code => `<abbr title="${esc(code)}">${esc(indicatorName(code))}</abbr>`;

function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('bqw.token', fragment.get('token'));
    // The token leaves the address bar; the region stays, so the link can be shared.
    fragment.delete('token');
    history.replaceState(null, '', location.pathname + location.search + (fragment.toString() ? '#' + fragment : ''));
  }
  state.token = sessionStorage.getItem('bqw.token');
  if (!state.token) {
    askForToken('tokenMissing');
    return false;
  }
  return true;
}

function askForToken(reason) {
  message(t(reason));
  $('token-form').hidden = false;
}

function message(text) {
  $('message').textContent = text || '';
  $('message').hidden = !text;
}

async function api(path, accept = 'application/json') {
  const answer = await fetch(path, { headers: { Authorization: 'Bearer ' + state.token, Accept: accept } });
  if (answer.status === 401) {
    sessionStorage.removeItem('bqw.token');
    askForToken('tokenExpired');
    throw new Error('401');
  }
  if (!answer.ok) {
    throw new Error(t('failed') + answer.status + ' ' + (await answer.text()));
  }
  return accept === 'application/json' ? answer.json() : answer.blob();
}

function query(extra = {}) {
  const q = new URLSearchParams({ year: state.year, ...extra });
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.figures === 'official') q.set('view', 'official');
  return q.toString();
}

function noteFreshness(report) {
  if (report && report.freshness) {
    state.appliedAt = report.freshness.appliedAt;
    state.pending = report.freshness.pendingEvents;
    showFreshness();
  }
}

function showFreshness() {
  const badge = $('freshness');
  if (!state.appliedAt) {
    badge.textContent = t('never');
    return;
  }
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(state.appliedAt)) / 1000));
  badge.textContent = t('updated')(seconds) + (state.pending ? t('pending')(state.pending) : '');
  badge.dataset.appliedAt = state.appliedAt;
}

function chart(id) {
  if (!state.charts[id]) {
    state.charts[id] = echarts.init($(id));
  }
  return state.charts[id];
}

// ---- region -----------------------------------------------------------------------------------

/** The region in the address (#region=…), if it names one. */
function regionInAddress() {
  const region = new URLSearchParams(location.hash.slice(1)).get('region');
  return /^\d{12}$/.test(region || '') ? region : null;
}

/** The codes above a region, province first: a code's level is where its trailing zeros begin. */
function ancestors(code) {
  const digits = [2, 4, 6, 9].filter(d => /^0*$/.test(code.slice(d)) === false);
  return digits.map(d => code.slice(0, d).padEnd(12, '0'));
}

/**
 * Breadcrumbs from the top registered division down to the region (省 › 市 › 县 › 镇), and the
 * divisions below it to pick from. A division above that is not registered (a city without its
 * province) is left out.
 */
async function showRegion() {
  const region = state.region;
  const crumbs = ancestors(region).concat([region]);
  for (const code of crumbs) {
    if (state.names[code] === undefined) {
      state.names[code] = await api(`/api/v1/reports/coverage?region=${code}`)
        .then(c => c.regions[0].nameZh, () => null);
    }
  }
  $('region-path').innerHTML = crumbs.filter(code => state.names[code])
    .map(code => `<a href="#region=${code}" data-region="${code}"${code === region ? ' class="current"' : ''}>${esc(state.names[code])}</a>`)
    .join(' › ');
  const below = await divisionsBelow(region);
  $('region-below').innerHTML = options(below, t('choose'));
  $('region-below').disabled = below.length === 0;
}

/** The divisions directly below a region (their names noted for the breadcrumbs and tooltips). */
async function divisionsBelow(region) {
  const coverage = await api(`/api/v1/reports/coverage?region=${region}`);
  coverage.regions.forEach(r => state.names[r.region] = r.nameZh);
  return coverage.regions.slice(1);
}

/** A picker's options: a first one meaning none, then the regions by name. */
const options = (regions, none) => `<option value="">${none}</option>`
  + regions.map(r => `<option value="${r.region}">${esc(r.nameZh)}</option>`).join('');

/** Opens every view at another region, and says so in the address. */
function goTo(region) {
  if (!region || region === state.region) return;
  state.region = region;
  state.drill = [];
  state.indicators = [];
  history.replaceState(null, '', location.pathname + location.search + '#region=' + region);
  showRegion().catch(e => message(e.message));
  show(state.view);
  restartListening();
}

// ---- views ------------------------------------------------------------------------------------

const views = {
  async overview() {
    const report = await api((state.region ? `/api/v1/reports/regions/${state.region}?` : '/api/v1/reports/overview?') + query());
    noteFreshness(report);
    if (!state.region) {
      state.region = report.region;
      showRegion().catch(e => message(e.message));
    }
    state.names[report.region] = report.nameZh;
    state.reportedAsOf = report.asOf;
    fillAsOf(report.asOf);
    state.indicators = report.campaigns.flatMap(c => c.indicators);
    fillIndicatorSelects();
    $('campaigns').innerHTML = report.campaigns.map(campaign => `
      <div class="campaign"><h2>${esc(label('campaigns', campaign.campaign))}</h2><div class="cards">
      ${campaign.indicators.map(card).join('')}</div></div>`).join('');
  },

  async rankings() {
    const extra = $('class').value ? { class: $('class').value } : {};
    const ranking = await api('/api/v1/reports/rankings?' + query({ region: state.region, ...extra }));
    noteFreshness(ranking);
    state.reportedAsOf = ranking.asOf;
    const counties = ranking.counties;
    chart('rankings-chart').setOption({
      grid: { left: 8, right: 48, containLabel: true }, tooltip: { valueFormatter: v => fmt(v, 'score') },
      xAxis: { type: 'value', max: 100, name: t('score'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', inverse: true, data: counties.map(c => c.nameZh) },
      series: [{ type: 'bar', name: t('score'), data: counties.map(c => c.score),
        label: { show: true, position: 'right', formatter: p => fmt(p.value, 'score') } }]
    }, true);
    chart('rankings-chart').off('click');
    chart('rankings-chart').on('click', p => showContributions(counties[p.dataIndex]));
    $('rankings-table').innerHTML = `<tr><th>${t('rank')}</th><th>${t('county')}</th><th>${t('class')}</th><th>${t('score')}</th>
      <th>${t('inClass')}</th><th>${t('change')}</th><th>${t('approvedShare')}</th></tr>` + counties.map(c => `
      <tr data-region="${c.region}" tabindex="0"><td>${c.rank}</td><td>${esc(c.nameZh)}</td>
      <td data-class="${esc(c.countyClass || '')}">${esc(c.countyClass ? label('classes', c.countyClass) : '')}</td><td>${fmt(c.score, 'score')}</td>
      <td>${c.rankInClass}</td>${rankChange(c)}
      <td class="${c.provisional ? 'provisional' : ''}">${fmt(c.approved, 'percent')}</td></tr>`).join('');
    activatableRows('#rankings-table tr[data-region]', (row, i) => showContributions(counties[i]));
  },

  async indicator() {
    const code = $('indicator-code').value || (state.indicators[0] && state.indicators[0].code);
    if (!code) return;
    const parent = state.drill.length ? state.drill[state.drill.length - 1].code : state.region;
    const breakdown = await api(`/api/v1/reports/indicators/${encodeURIComponent(code)}?` + query({ parent }));
    noteFreshness(breakdown);
    state.reportedAsOf = breakdown.asOf;
    $('breadcrumbs').innerHTML = [`<a href="#" data-depth="0">${esc(state.names[state.region] || t('city'))}</a>`]
      .concat(state.drill.map((d, i) => `<a href="#" data-depth="${i + 1}">${esc(d.name)}</a>`)).join(' › ');
    $('breadcrumbs').querySelectorAll('a').forEach(a => a.onclick = e => {
      e.preventDefault();
      state.drill = state.drill.slice(0, Number(a.dataset.depth));
      show('indicator');
    });
    const unit = breakdown.unit;
    const regions = breakdown.regions;
    const shownStatuses = [...new Set(regions.map(r => r.assessment.status))];
    $('breakdown-legend').innerHTML = legend(shownStatuses.map(s => [STATUS_COLOURS[s], statusText(s)]))
      + (regions.some(r => r.assessment.target !== null) ? `<span><i style="background:#212121;height:3px"></i>${t('ownTarget')}</span>` : '');
    const axisName = unitText(unit) ? `${t('actual')}（${unitText(unit)}）` : t('actual');
    $('breakdown-chart').dataset.unit = unitText(unit);
    chart('breakdown-chart').setOption({
      tooltip: { trigger: 'axis', valueFormatter: v => fmt(v, unit) }, grid: { left: 8, right: 20, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: regions.map(r => r.nameZh), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', name: axisName, axisLabel: { formatter: v => fmt(v, unit, false) } },
      series: [
        { type: 'bar', name: t('actual'), data: regions.map(r => ({ value: r.assessment.actual, itemStyle: { color: STATUS_COLOURS[r.assessment.status] } })) },
        // Each region's own target, as a short line across its bar.
        { type: 'scatter', name: t('ownTarget'), symbol: 'rect', symbolSize: [28, 3], itemStyle: { color: '#212121' }, z: 3,
          data: regions.map(r => r.assessment.target) }
      ]
    }, true);
    chart('breakdown-chart').off('click');
    chart('breakdown-chart').on('click', p => {
      const region = regions[p.dataIndex];
      if (region.level !== 'VILLAGE') {
        state.drill.push({ code: region.region, name: region.nameZh });
        show('indicator');
      }
    });
    chartTable('breakdown-data', [t('region'), t('actual'), t('target'), t('progress'), t('status')],
      regions.map(r => [r.nameZh, fmt(r.assessment.actual, unit), fmt(r.assessment.target, unit), pct(r.assessment.progress), statusText(r.assessment.status)]));
    const own = breakdown.assessment || {};
    const months = breakdown.series.map(p => p.month);
    const paceAt = m => {
      if (own.target === null || own.target === undefined) return null;
      const share = m / 12;
      if (breakdown.overTime === 'FLOW') return Number(own.target) * share;
      return own.baseline === null || own.baseline === undefined ? null
        : Number(own.baseline) + (Number(own.target) - Number(own.baseline)) * share;
    };
    const monthNumber = month => Number(month.slice(5, 7));
    const lines = [{ type: 'line', name: t('actual'), data: breakdown.series.map(p => p.actual) }];
    if (own.target !== null && own.target !== undefined) {
      lines.push({ type: 'line', name: t('targetLine'), data: months.map(() => own.target), symbol: 'none', lineStyle: { type: 'dashed', color: '#c62828' }, itemStyle: { color: '#c62828' } });
      if (months.some(m => paceAt(monthNumber(m)) !== null)) {
        lines.push({ type: 'line', name: t('pace'), data: months.map(m => paceAt(monthNumber(m))), symbol: 'none', lineStyle: { type: 'dotted', color: '#616161' }, itemStyle: { color: '#616161' } });
      }
    }
    chart('series-chart').setOption({
      title: { text: t('series'), textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis', valueFormatter: v => fmt(v, unit) }, legend: { top: 0, right: 0 },
      grid: { left: 8, right: 20, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: unitText(unit), axisLabel: { formatter: v => fmt(v, unit, false) } },
      series: lines
    }, true);
    chartTable('series-data', [t('series'), ...lines.map(l => l.name)],
      months.map((m, i) => [m, ...lines.map(l => fmt(l.data[i], unit))]));
  },

  async map() {
    const code = $('map-indicator').value || (state.indicators[0] && state.indicators[0].code);
    const region = $('map-township').value || $('map-county').value || state.region;
    const villages = await api('/api/v1/reports/villages?' + query({ region, ...(code ? { indicator: code } : {}) }));
    noteFreshness(villages);
    await fillMapPlaces();
    const colourBy = $('map-colour').value;
    $('map-indicator').hidden = colourBy !== 'status';
    const pilots = Object.keys(state.labels.pilots || {});
    const boolean = ['SHARE_TRUE', 'COUNT_TRUE'].includes(villages.aggregation);
    // A village without a target of its own: a yes/no indicator shows its answer, any other whether it reported.
    const kind = v => {
      if (colourBy === 'category') return v.category || 'NONE';
      if (colourBy === 'pilot') return v.pilots.length ? v.pilots[0] : 'NONE';
      if (v.status && !['NO_TARGET', 'NO_DATA'].includes(v.status)) return v.status;
      if (v.actual === null) return 'NO_DATA';
      return boolean ? (Number(v.actual) > 0 ? 'YES' : 'NO') : 'REPORTED';
    };
    const colours = { ...STATUS_COLOURS, YES: '#2e7d32', NO: '#c62828', REPORTED: '#1565c0', NONE: '#bdbdbd', ...CATEGORY_COLOURS };
    pilots.forEach((p, i) => colours[p] = PILOT_COLOURS[i % PILOT_COLOURS.length]);
    const kindName = k => ({ YES: t('yes'), NO: t('no'), REPORTED: t('reported'), NONE: t('none') })[k]
      || (colourBy === 'category' ? label('categories', k) : colourBy === 'pilot' ? label('pilots', k) : statusText(k));
    const placed = villages.villages.filter(v => v.latitude !== null && v.longitude !== null);
    const kinds = [...new Set(placed.map(kind))].sort();
    $('map-legend').innerHTML = legend(kinds.map(k => [colours[k], kindName(k)]));
    const largest = Math.max(1, ...placed.map(v => v.population || 0));
    // Dots sized by residents, smaller on a narrow screen and when there are thousands.
    const scale = Math.max(0.45, Math.min(1, $('map-chart').clientWidth / 1100)) * (placed.length > 1000 ? 0.7 : 1);
    const unit = villages.unit;
    const box = (axis) => {
      const values = placed.map(v => Number(v[axis]));
      const lo = Math.min(...values), hi = Math.max(...values), pad = Math.max(0.01, (hi - lo) * 0.05);
      return { min: +(lo - pad).toFixed(3), max: +(hi + pad).toFixed(3) };
    };
    chart('map-chart').setOption({
      tooltip: { formatter: p => {
        const v = placed[p.dataIndex];
        return `<b>${esc(v.nameZh)}</b><br>${esc(state.names[v.township] || v.township)}<br>${t('population')} ${fmt(v.population, 'person')}<br>`
          + `${t('category')} ${esc(label('categories', v.category))}${v.pilots.length ? `<br>${t('pilotsLabel')} ${v.pilots.map(x => esc(label('pilots', x))).join('、')}` : ''}`
          + (code ? `<br>${esc(indicatorName(code))} ${fmt(v.actual, unit)} · ${esc(kindName(kind(v)))}` : '');
      } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '°E', scale: true, ...(placed.length ? box('longitude') : {}), splitLine: { show: false },
        axisLabel: { showMinLabel: false, showMaxLabel: false } },
      yAxis: { type: 'value', name: '°N', scale: true, ...(placed.length ? box('latitude') : {}), splitLine: { show: false },
        axisLabel: { showMinLabel: false, showMaxLabel: false } },
      series: [{ type: 'scatter', large: placed.length > 5000,
        data: placed.map(v => ({ value: [Number(v.longitude), Number(v.latitude)], itemStyle: { color: colours[kind(v)] } })),
        symbolSize: (value, p) => scale * (4 + 12 * Math.sqrt((placed[p.dataIndex].population || 0) / largest)) }]
    }, true);
    chart('map-chart').off('click');
    chart('map-chart').on('click', p => {
      goTo(placed[p.dataIndex].village);
      show('overview');
    });
    $('map-chart').dataset.points = placed.length;
    $('map-note').textContent = t('villagePoints')(villages.villages.length, villages.villages.length - placed.length);
  },

  async gaps() {
    const gaps = await api('/api/v1/reports/gaps?' + query({ region: state.region }));
    noteFreshness(gaps);
    state.reportedAsOf = gaps.asOf;
    const gapUnit = g => g.measure === 'RATIO' ? null : g.unit;
    $('gaps').innerHTML = gaps.indicators.map((g, i) => `<h3>${named(g.indicator)} · ${esc(label('measures', g.measure))}</h3>
      <div class="table-wrap"><table><tr><th>${t('region')}</th><th>${t('urban')}</th><th>${t('rural')}</th><th>${t('gap')}</th></tr>
      ${g.regions.map(r => `<tr><td>${esc(r.nameZh)}</td><td>${fmt(r.urban, g.unit)}</td><td>${fmt(r.rural, g.unit)}</td><td>${fmt(r.gap, gapUnit(g))}</td></tr>`).join('')}
      </table></div><div id="gap-chart-${i}" class="chart small"></div>`).join('');
    gaps.indicators.forEach((g, i) => {
      delete state.charts['gap-chart-' + i];
      chart('gap-chart-' + i).setOption({
        tooltip: { trigger: 'axis', valueFormatter: v => fmt(v, gapUnit(g)) }, legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 20, top: 48, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: (g.regions[0] || { trend: [] }).trend.map(p => p.month) },
        yAxis: { type: 'value', name: `${t('gap')}${unitText(gapUnit(g)) ? '（' + unitText(gapUnit(g)) + '）' : ''}` },
        series: g.regions.map(r => ({ type: 'line', name: r.nameZh, data: r.trend.map(p => p.gap) }))
      });
    });
  },

  async coverage() {
    const coverage = await api('/api/v1/reports/coverage?region=' + state.region);
    noteFreshness(coverage);
    const counties = coverage.regions.slice(1);
    const categories = ['DEMONSTRATION', 'RENOVATION', 'ORDINARY'];
    chart('coverage-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 20, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: counties.map(r => r.nameZh), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: t('villages') },
      series: categories.map(c => ({ type: 'bar', stack: 'c', name: label('categories', c), itemStyle: { color: CATEGORY_COLOURS[c] },
        data: counties.map(r => (r.categories[c] || { villages: 0 }).villages) }))
    }, true);
    const pilots = [...new Set(coverage.regions.flatMap(r => Object.keys(r.pilots)))].sort();
    $('coverage-table').innerHTML = `<tr><th>${t('region')}</th><th>${t('villages')}</th>${categories.map(k => `<th>${esc(label('categories', k))}</th>`).join('')}`
      + `${pilots.map(k => `<th>${esc(label('pilots', k))}</th>`).join('')}</tr>`
      + coverage.regions.map(r => `<tr><td>${esc(r.nameZh)}</td><td>${fmt(r.activeVillages, 'village', false)}</td>${categories.map(k => share(r.categories[k])).join('')}${pilots.map(k => share(r.pilots[k])).join('')}</tr>`).join('');
  },

  async approvals() {
    const period = state.asOf || state.reportedAsOf;
    const progress = await api(`/api/v1/reports/approvals?region=${state.region}&period=${encodeURIComponent(period)}`);
    const campaignName = c => label('campaigns', c);
    $('approvals-summary').innerHTML = `<tr><th></th>${progress.campaigns.map(c => `<th>${esc(campaignName(c.campaign))}</th>`).join('')}</tr>
      <tr><td>${t('approvedShare')}</td>${progress.campaigns.map(c => `<td data-campaign="${c.campaign}">${pct(c.approvedShare)}</td>`).join('')}</tr>`;
    const regions = [...new Map(progress.units.map(u => [u.region, u.nameZh])).entries()];
    const unit = (region, campaign) => progress.units.find(u => u.region === region && u.campaign === campaign);
    $('approvals-matrix').innerHTML = `<tr><th>${t('region')}</th>${progress.campaigns.map(c => `<th>${esc(campaignName(c.campaign))}</th>`).join('')}</tr>`
      + regions.map(([region, name]) => `<tr><td>${esc(name)}</td>${progress.campaigns.map(c => {
        const u = unit(region, c.campaign);
        return `<td class="approval" tabindex="0" data-region="${region}" data-campaign="${c.campaign}" data-state="${u.state}"
          style="background:${APPROVAL_COLOURS[u.state]}" title="${esc(u.reason || '')}">${esc(label('approvalStates', u.state))}</td>`;
      }).join('')}</tr>`).join('');
    $('approval-actions').hidden = true;
    activatableRows('#approvals-matrix td.approval', cell => {
      state.unit = { region: cell.dataset.region, period, campaign: cell.dataset.campaign };
      $('approval-unit').textContent = `${cell.parentElement.firstElementChild.textContent} · ${period} · ${campaignName(cell.dataset.campaign)}`;
      $('approval-actions').hidden = false;
    });
  },
  async bulletins() {
    const editions = await api(`/api/v1/bulletins?region=${state.region}&year=${state.year}`);
    $('bulletin-changes').innerHTML = '';
    $('bulletins-table').innerHTML = editions.length === 0 ? `<tr><td>${t('noBulletins')}</td></tr>`
      : `<tr><th>${t('bulletins')}</th><th>${t('asOf')}</th><th>${t('published')}</th><th>${t('publisher')}</th><th>SHA-256</th><th></th></tr>`
      + editions.map(b => `<tr data-bulletin="${b.id}"><td>${esc(b.title)}${b.corrects ? ` (${t('corrects')} ${b.corrects})` : ''}</td>
        <td>${esc(b.asOf)}</td><td>${esc(new Date(b.publishedAt).toLocaleString())}</td><td>${esc(b.publishedBy)}</td>
        <td><code>${esc(b.sha256.slice(0, 12))}…</code></td>
        <td><button class="print" data-id="${b.id}">${t('print')}</button> <button class="since" data-id="${b.id}">${t('changesSince')}</button></td></tr>`).join('');
    $('bulletins-table').querySelectorAll('button.print').forEach(b => b.onclick = async () => {
      const page = await api(`/api/v1/bulletins/${b.dataset.id}`, 'text/html');
      window.open(URL.createObjectURL(page), '_blank');
    });
    $('bulletins-table').querySelectorAll('button.since').forEach(b => b.onclick = async () => {
      const changes = await api(`/api/v1/bulletins/${b.dataset.id}/changes`);
      $('bulletin-changes').innerHTML = changes.figures.length === 0 ? `<p class="no-changes">${t('noChanges')}</p>`
        : `<table id="changes-table"><tr><th>${t('code')}</th><th>${t('then')}</th><th>${t('now')}</th><th></th></tr>`
          + changes.figures.map(f => `<tr data-indicator="${esc(f.indicator)}"><td>${esc(f.nameZh)}</td><td>${fmt(f.published, f.unit)}</td>
            <td>${fmt(f.current, f.unit)}</td><td>${f.revisions.map(r => `${esc(r.region)} ${esc(r.period)}: ${fmt(r.replacedValue, f.unit)} → ${fmt(r.value, f.unit)}
            (${esc(r.recordedBy || '')})`).join('<br>')}</td></tr>`).join('') + '</table>';
    });
  },

  async tasks() {
    const ledger = await api('/api/v1/reports/tasks?region=' + state.region);
    const statusName = s => label('taskStatuses', s);
    const LIGHTS = { GREEN: '#2e7d32', YELLOW: '#f9a825', RED: '#c62828' };
    $('tasks-summary').textContent = ledger.tasks === 0 ? t('noTasks')
      : Object.entries(ledger.byStatus).map(([s, n]) => `${statusName(s)} ${n}`).join(' · ');
    $('departments-table').innerHTML = `<tr><th>${t('department')}</th><th>${t('taskCount')}</th><th>${t('onTime')}</th>
      <th>${t('overdueNow')}</th><th>${t('onTimeRate')}</th></tr>` + ledger.departments.map(d => `<tr data-department="${esc(d.department)}">
      <td>${esc(d.nameZh)}</td><td>${d.tasks}</td><td>${d.onTime}</td><td>${d.overdueNow}</td><td>${fmt(d.onTimeRate, 'percent')}</td></tr>`).join('');
    const names = Object.fromEntries(ledger.departments.map(d => [d.department, d.nameZh]));
    $('overdue-table').innerHTML = `<tr><th>${t('task')}</th><th>${t('department')}</th><th>${t('due')}</th><th>${t('daysOverdue')}</th></tr>`
      + ledger.overdue.map(o => `<tr data-task="${esc(o.task)}"><td>${esc(o.title)}</td><td>${esc(names[o.leadDepartment] || o.leadDepartment)}</td>
      <td>${esc(o.due)}</td><td>${o.daysOverdue}</td></tr>`).join('');
    $('tasks-table').innerHTML = `<tr><th></th><th>${t('task')}</th><th>${t('department')}</th><th>${t('due')}</th><th>${t('reached')}</th><th></th></tr>`
      + ledger.lines.map(l => `<tr data-task="${esc(l.task)}" data-status="${l.status}" title="${esc(l.working)}" tabindex="0">
      <td><span class="light" style="background:${LIGHTS[l.light] || '#9e9e9e'}" role="img" aria-label="${esc(label('lights', l.light))}"></span></td><td>${esc(l.title)}</td>
      <td>${esc(names[l.leadDepartment] || l.leadDepartment)}</td><td>${esc(l.dueDate)}</td>
      <td>${l.indicatorFigure ? `${fmt(l.indicatorFigure.actual, unitOf(l.indicator), false)} / ${fmt(l.indicatorFigure.target, unitOf(l.indicator))}` : l.reached === null ? '—' : `${fmt(l.reached, null, false)} / ${fmt(l.planned, null, false)} ${esc(l.unit || '')}`}</td>
      <td>${esc(statusName(l.status))}</td></tr>`).join('');
  },

  async treemap() {
    const code = $('treemap-code').value || (state.indicators[0] && state.indicators[0].code);
    if (!code) return;
    const counties = await api(`/api/v1/reports/indicators/${encodeURIComponent(code)}?` + query({ parent: state.region }));
    noteFreshness(counties);
    const children = await Promise.all(counties.regions.map(c =>
      api(`/api/v1/reports/indicators/${encodeURIComponent(code)}?` + query({ parent: c.region }))));
    // Townships without a target of their own take their county's colour.
    const judged = s => !['NO_TARGET', 'NO_DATA'].includes(s);
    const node = r => ({ name: r.nameZh, value: r.population || 0, status: r.assessment.status,
      itemStyle: judged(r.assessment.status) ? { color: STATUS_COLOURS[r.assessment.status] } : {} });
    chart('treemap-chart').setOption({
      tooltip: { formatter: p => `${esc(p.name)}<br>${t('population')} ${fmt(p.value, 'person')} · ${statusText(p.data.status)}` },
      series: [{ type: 'treemap', leafDepth: 2, roam: false,
        levels: [{ itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 }, upperLabel: { show: true, height: 22 } },
          { itemStyle: { borderColor: 'rgba(255,255,255,.6)', borderWidth: 1 } }],
        data: counties.regions.map((c, i) => ({ ...node(c), itemStyle: { color: STATUS_COLOURS[c.assessment.status] },
          children: children[i].regions.map(node) })) }]
    }, true);
  }
};

function card(indicator) {
  const a = indicator.assessment;
  const unit = indicator.unit;
  const filled = a.progress === null ? 0 : Math.max(0, Math.min(1, Number(a.progress))) * 100;
  const working = [`${t('actual')} ${fmt(a.actual, unit)}`, `${t('target')} ${fmt(a.target, unit)}`,
    `${t('progress')} ${pct(a.progress)}`, `${t('expected')} ${pct(a.expected)}`,
    `${t('thresholds')} ${pct(a.onTrackAt)} / ${pct(a.atRiskAt)}`, `${t('rule')}: ${a.rule}`, indicator.code].join('\n');
  const name = state.language === 'zh' ? indicator.nameZh : (indicator.nameEn || indicator.nameZh);
  return `<div class="card status-${a.status}${indicator.provisional ? ' provisional' : ''}" data-code="${indicator.code}"
    data-status="${a.status}" data-approved="${indicator.approved ?? ''}" title="${esc(working)}">
    <div class="name">${esc(name)}${provisionalMark(indicator)}</div>
    <div class="numbers"><span class="actual" data-value="${a.actual ?? ''}">${fmt(a.actual, unit, false)}</span> / ${fmt(a.target, unit, false)} <span class="unit">${esc(unitText(unit))}</span>
      <span class="status">${esc(statusText(a.status))}</span></div>
    <div class="bar" role="img" aria-label="${t('progress')} ${pct(a.progress)}, ${t('expected')} ${pct(a.expected)}"><div class="fill" style="width:${filled}%"></div>
      ${a.progress === null || a.target === null ? '' : `<div class="expected" style="left:${Math.min(1, Number(a.expected)) * 100}%"></div>`}</div>
  </div>`;
}

/** A figure not fully approved says so, with how much of it is. */
function provisionalMark(figure) {
  const approved = esc(t('approvedOf')(fmt(figure.approved, 'progress')));
  return figure.provisional ? ` <span class="provisional-mark" title="${approved}">${t('provisional')} · ${approved}</span>` : '';
}

function share(s) {
  return `<td>${s ? `${s.villages} (${fmt(s.share, 'percent')})` : '0'}</td>`;
}

/** ▲2 / ▼1 / — in colour, with the previous rank on hover (the text says it too, not only the colour). */
function rankChange(c) {
  const change = c.rankChange;
  const title = c.previousRank === null || c.previousRank === undefined ? t('noPreviousRank') : t('previousRank')(c.previousRank);
  const [mark, kind] = change === null || change === undefined || change === 0 ? ['—', 'same']
    : change > 0 ? ['▲' + change, 'up'] : ['▼' + Math.abs(change), 'down'];
  return `<td class="rank-change ${kind}" title="${esc(title)}" data-previous="${c.previousRank ?? ''}">${mark}</td>`;
}

function showContributions(county) {
  document.querySelectorAll('#rankings-table tr').forEach(r => r.classList.toggle('selected', r.dataset.region === county.region));
  $('contributions').innerHTML = `<h3>${esc(county.nameZh)} · ${fmt(county.score, 'score')}</h3><div class="table-wrap"><table id="contributions-table">
    <tr><th>${t('code')}</th><th>${t('score')}</th><th>${t('weight')}</th><th>${t('contribution')}</th><th></th></tr>
    ${county.contributions.map(p => `<tr data-indicator="${esc(p.indicator)}"><td>${named(p.indicator)}</td><td>${fmt(p.score, 'score')}</td><td>${p.weight}</td>
    <td>${fmt(p.contribution, 'score')}</td><td>${esc(statusText(p.status))}</td></tr>`).join('')}</table></div>`;
}

/** Colour swatches with their names: what a chart's colours mean, in words. */
function legend(entries) {
  return entries.map(([colour, name]) => `<span><i style="background:${colour}"></i>${esc(name)}</span>`).join('');
}

/** A chart's numbers as a table, folded under it (for screen readers, and to copy). */
function chartTable(id, headers, rows) {
  const open = $(id).querySelector('details') && $(id).querySelector('details').open;
  $(id).innerHTML = `<details class="chart-data"${open ? ' open' : ''}><summary>${t('chartData')}</summary><div class="table-wrap"><table>
    <tr>${headers.map(h => `<th>${esc(h)}</th>`).join('')}</tr>
    ${rows.map(r => `<tr>${r.map(c => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table></div></details>`;
}

/** Rows (or cells) a click opens, reachable with Tab and opened with Enter or Space too. */
function activatableRows(selector, open) {
  document.querySelectorAll(selector).forEach((row, i) => {
    row.onclick = () => open(row, i);
    row.onkeydown = e => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(row, i); }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const all = [...document.querySelectorAll(selector)];
        const next = all[all.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
        if (next) { e.preventDefault(); next.focus(); }
      }
    };
  });
}

const unitOf = code => (state.indicators.find(i => i.code === code) || {}).unit;

/** The map's county and township pickers: the divisions below the region, and below the county chosen. */
async function fillMapPlaces() {
  const county = $('map-county');
  if (county.dataset.region !== state.region) {
    const below = await divisionsBelow(state.region);
    county.innerHTML = options(below, t('allOf'));
    county.dataset.region = state.region;
    county.disabled = below.length === 0;
    $('map-township').innerHTML = options([], t('allOf'));
    $('map-township').dataset.county = '';
  }
  const township = $('map-township');
  if (county.value && township.dataset.county !== county.value) {
    township.innerHTML = options(await divisionsBelow(county.value), t('allOf'));
    township.dataset.county = county.value;
  }
  township.disabled = !county.value;
}

/** What the printed page is of: the view, the region, the as-of month, the figures counted and their freshness. */
function printHeading() {
  const tab = document.querySelector(`#tabs button[data-view='${state.view}']`);
  const figures = state.figures === 'official' ? t('figuresOfficial') : t('figuresAll');
  const applied = state.appliedAt ? t('dataUpdated')(new Date(state.appliedAt).toLocaleString(state.language === 'zh' ? 'zh-CN' : 'en')) : t('never');
  $('print-heading').innerHTML = `<h1>${esc(t('title'))} · ${esc(tab ? tab.textContent : '')}</h1>
    <p>${esc(state.names[state.region] || '')} · ${esc(state.year)} · ${t('asOf')} ${esc(state.asOf || state.reportedAsOf || '')} · ${esc(figures)} · ${esc(applied)}</p>`;
}

function fillAsOf(asOf) {
  const select = $('asOf');
  if (select.options.length === 0) {
    select.add(new Option(t('latest'), ''));
    for (let m = 1; m <= 12; m++) {
      const month = `${state.year}-${String(m).padStart(2, '0')}`;
      select.add(new Option(month, month));
    }
  }
  select.title = asOf;
}

function fillIndicatorSelects() {
  for (const id of ['indicator-code', 'treemap-code', 'map-indicator']) {
    const select = $(id);
    const chosen = select.value;
    select.innerHTML = state.indicators.map(i => `<option value="${i.code}">${esc(state.language === 'zh' ? i.nameZh : i.nameEn || i.nameZh)}</option>`).join('');
    // Without a choice yet, the first indicator that has a status against a target; on the map,
    // the first every village answers for itself (a share of villages).
    const assessed = state.indicators.find(i => !['NO_TARGET', 'NO_DATA'].includes(i.assessment.status));
    const perVillage = state.indicators.find(i => i.aggregation === 'SHARE_TRUE');
    const first = id === 'map-indicator' && perVillage ? perVillage : assessed;
    select.value = chosen || (first ? first.code : select.value);
  }
}

async function show(view) {
  state.view = view;
  document.querySelectorAll('#tabs button').forEach(b => {
    const chosen = b.dataset.view === view;
    b.classList.toggle('active', chosen);
    b.setAttribute('aria-selected', String(chosen));
    b.tabIndex = chosen ? 0 : -1;
  });
  document.querySelectorAll('.view').forEach(v => v.hidden = v.id !== 'view-' + view);
  try {
    if (view !== 'overview' && state.indicators.length === 0) {
      await views.overview();
    }
    await views[view]();
    Object.values(state.charts).forEach(c => c.resize());
    if ($('token-form').hidden) message('');
    printHeading();
    document.body.dataset.rendered = view + ':' + Date.now();
  } catch (e) {
    if (e.message !== '401') message(e.message);
  }
}

async function download(format) {
  const paths = {
    overview: `/api/v1/reports/regions/${state.region}?` + query(),
    rankings: '/api/v1/reports/rankings?' + query({ region: state.region, ...($('class').value ? { class: $('class').value } : {}) }),
    map: '/api/v1/reports/villages?' + query({ region: $('map-township').value || $('map-county').value || state.region,
      ...($('map-indicator').value ? { indicator: $('map-indicator').value } : {}) }),
    indicator: `/api/v1/reports/indicators/${encodeURIComponent($('indicator-code').value)}?`
      + query({ parent: state.drill.length ? state.drill[state.drill.length - 1].code : state.region }),
    gaps: '/api/v1/reports/gaps?' + query({ region: state.region }),
    coverage: '/api/v1/reports/coverage?region=' + state.region,
    tasks: '/api/v1/reports/tasks?region=' + state.region
  };
  const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const blob = await api(paths[state.view], type);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `bqw-${state.view}-${state.year}${state.asOf ? '-' + state.asOf : ''}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// ---- approving --------------------------------------------------------------------------------

/**
 * Takes a step on the chosen unit at indicator-service (its address from report-service's
 * settings), with the token the page holds: an approver's acts, anyone else is refused there.
 */
async function takeStep(step) {
  const { region, period, campaign } = state.unit;
  try {
    if (!state.settings) state.settings = await api('/api/v1/dashboard/settings');
    const reason = $('approval-reason').value.trim();
    const answer = await fetch(`${state.settings.indicatorService}/api/v1/approvals/${region}/${encodeURIComponent(period)}/${campaign}/${step}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(reason ? { reason } : {})
    });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) {
      message(t('stepFailed') + (body.detail || answer.status));
      return;
    }
    message(t('stepDone')(region, label('approvalStates', body.state)));
    $('approval-reason').value = '';
  } catch (e) {
    message(t('stepFailed') + e.message);
  }
}

// ---- live -------------------------------------------------------------------------------------

let refreshTimer = null;
let listening = null;

/** Listens again, to the region now shown. */
function restartListening() {
  if (listening) listening.abort();
}

async function listen() {
  while (state.token) {
    listening = new AbortController();
    try {
      const region = state.region ? '&region=' + state.region : '';
      const answer = await fetch('/api/v1/reports/stream?year=' + state.year + region,
        { headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: listening.signal });
      if (answer.status === 401) { askForToken('tokenExpired'); return; }
      const reader = answer.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
          buffer = buffer.slice(end + 2);
          if (data.trim()) onLiveEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      // Aborted for another region: connect again at once; broken: after a pause.
      if (e.name === 'AbortError') continue;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

function onLiveEvent(event) {
  if (event.type === 'STATUS') {
    const item = document.createElement('li');
    item.dataset.indicator = event.indicator;
    item.title = event.indicator;
    item.textContent = `${event.regionName} · ${indicatorName(event.indicator) === event.indicator && event.indicatorName ? event.indicatorName : indicatorName(event.indicator)}：`
      + `${statusText(event.from)} → ${statusText(event.to)}`;
    $('changes').prepend(item);
  }
  if (event.type === 'TASK_STATUS') {
    const item = document.createElement('li');
    item.dataset.task = event.indicator;
    const name = s => label('taskStatuses', s);
    item.textContent = `${t('task')} ${event.indicatorName}: ${name(event.from)} → ${name(event.to)}`;
    $('changes').prepend(item);
  }
  state.appliedAt = event.appliedAt;
  showFreshness();
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => show(state.view), 300);
}

// ---- start ------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(e => e.textContent = t(e.dataset.i18n));
  document.querySelectorAll('[data-i18n-placeholder]').forEach(e => e.placeholder = t(e.dataset.i18nPlaceholder));
  document.querySelectorAll('[data-label]').forEach(e => e.textContent = label(e.dataset.label, e.value));
  $('map-county').dataset.region = '';
  $('language').textContent = state.language === 'zh' ? 'English' : '中文';
  document.title = t('title');
}

/** Tabs as a tab list: the arrow keys, Home and End move between them. */
function tabKeys(e) {
  const tabs = [...document.querySelectorAll('#tabs button')];
  const at = tabs.indexOf(e.target);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const next = tabs[(to + tabs.length) % tabs.length];
  next.focus();
  show(next.dataset.view);
}

async function start() {
  state.labels = await fetch('/labels.json').then(r => r.json());
  STATUS_COLOURS = Object.fromEntries(Object.entries(state.labels.statuses).map(([s, l]) => [s, l.colour]));
  const now = new Date().getFullYear();
  for (let y = now; y >= now - 5; y--) $('year').add(new Option(y, y));
  state.year = Number(new URLSearchParams(location.search).get('year') || 2025);
  if (![...$('year').options].some(o => Number(o.value) === state.year)) $('year').add(new Option(state.year, state.year));
  $('year').value = state.year;
  applyLanguage();
  $('year').onchange = () => { state.year = Number($('year').value); $('asOf').innerHTML = ''; show(state.view); };
  $('asOf').onchange = () => { state.asOf = $('asOf').value; show(state.view); };
  $('figures').onchange = () => { state.figures = $('figures').value; show(state.view); };
  document.querySelectorAll('#approval-actions button').forEach(b => b.onclick = () => takeStep(b.dataset.step));
  $('class').onchange = () => show('rankings');
  $('indicator-code').onchange = () => { state.drill = []; show('indicator'); };
  $('treemap-code').onchange = () => show('treemap');
  $('map-indicator').onchange = () => show('map');
  $('map-colour').onchange = () => show('map');
  $('map-county').onchange = () => { $('map-township').value = ''; show('map'); };
  $('map-township').onchange = () => show('map');
  document.querySelectorAll('.print-view').forEach(b => b.onclick = () => { printHeading(); window.print(); });
  $('tabs').onkeydown = tabKeys;
  $('region-below').onchange = () => goTo($('region-below').value);
  window.onhashchange = () => goTo(regionInAddress());
  $('language').onclick = () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    sessionStorage.setItem('bqw.language', state.language);
    applyLanguage();
    fillIndicatorSelects();
    show(state.view);
  };
  document.querySelectorAll('#tabs button').forEach(b => b.onclick = () => show(b.dataset.view));
  document.querySelectorAll('.download').forEach(b => b.onclick = () => download(b.dataset.format).catch(e => message(e.message)));
  $('token-form').onsubmit = e => {
    e.preventDefault();
    sessionStorage.setItem('bqw.token', $('token-input').value.trim());
    $('token-form').hidden = true;
    message('');
    if (takeToken()) { show(state.view); listen(); }
  };
  setInterval(showFreshness, 1000);
  window.onresize = () => Object.values(state.charts).forEach(c => c.resize());
  if (takeToken()) {
    state.region = regionInAddress();
    if (state.region) showRegion().catch(e => message(e.message));
    show('overview');
    listen();
  }
}

start();
