namespace Platform.AppHost.Dashboard;

/// <summary>The dashboard's single page: inline CSS and script, no CDN, fed by <c>/api/events</c>.</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Platform dashboard</title>
        <style>
        body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        .state { font-weight: 600; }
        .healthy, .running { color: #1a7f37; } .unhealthy, .exited { color: #cf222e; }
        .starting, .restarting, .waiting { color: #9a6700; } .stopped { color: #6e7781; }
        svg { vertical-align: middle; }
        #logs { margin-top: 1.5rem; }
        #lines { background: #111; color: #ddd; font: 12px ui-monospace, monospace; height: 22rem; overflow: auto; padding: .5rem; white-space: pre; }
        .warn { color: #e3b341; } .fail, .crit { color: #ff7b72; }
        button { margin-right: .2rem; }
        </style>
        </head>
        <body>
        <h1>Platform</h1>
        <table id="resources">
        <thead><tr><th>Resource</th><th>Type</th><th>State</th><th>Uptime</th><th>Restarts</th><th>PID</th><th>URL</th><th>References</th><th>Figures</th><th>Actions</th></tr></thead>
        <tbody></tbody>
        </table>
        <section id="logs">
        <h2>Console logs: <span id="logname">choose a resource</span></h2>
        <input id="search" placeholder="Search">
        <select id="level"><option value="">all levels</option><option>trce</option><option>dbug</option><option>info</option><option>warn</option><option>fail</option><option>crit</option></select>
        <label><input type="checkbox" id="follow" checked> follow</label>
        <div id="lines"></div>
        </section>
        <script>
        const body = document.querySelector('#resources tbody');
        let selected = null;
        const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
        const uptime = s => s == null ? '-' : s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min' : (s / 3600).toFixed(1) + ' h';
        const fixed = (v, unit) => v == null ? '-' : v.toFixed(2) + unit;
        function sparkline(values) {
          const ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg');
          svg.setAttribute('width', 80); svg.setAttribute('height', 18);
          const points = values.map((v, i) => [i, v ?? 0]);
          const max = Math.max(...points.map(p => p[1]), 1e-9), step = 80 / Math.max(points.length - 1, 1);
          const line = document.createElementNS(ns, 'polyline');
          line.setAttribute('points', points.map(p => (p[0] * step).toFixed(1) + ',' + (17 - p[1] / max * 16).toFixed(1)).join(' '));
          line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#0969da');
          svg.appendChild(line);
          return svg;
        }
        function figures(f) {
          const cell = el('td');
          if (!f) return cell;
          const last = f.history[f.history.length - 1] || { domain: {} };
          const add = (label, text, series) => { const d = el('div', label + ' ' + text + ' '); d.appendChild(sparkline(series)); cell.appendChild(d); };
          cell.appendChild(el('div', 'ready: ' + (f.healthy == null ? 'no answer' : f.healthy ? 'yes' : 'no')));
          add('req/s', fixed(last.requestRate, ''), f.history.map(p => p.requestRate));
          add('err/s', fixed(last.errorRate, ''), f.history.map(p => p.errorRate));
          add('p95', last.p95Seconds == null ? '-' : (last.p95Seconds * 1000).toFixed(1) + ' ms', f.history.map(p => p.p95Seconds));
          for (const name of Object.keys(last.domain || {})) add(name, String(last.domain[name]), f.history.map(p => p.domain[name]));
          return cell;
        }
        function action(name, verb) {
          const b = el('button', verb);
          b.onclick = () => fetch('/api/resources/' + name + '/' + verb, { method: 'POST' });
          return b;
        }
        function render(resources) {
          body.replaceChildren(...resources.map(r => {
            const row = el('tr');
            row.dataset.resource = r.name;
            const name = el('td'); const pick = el('a', r.name); pick.href = '#'; pick.onclick = e => { e.preventDefault(); selected = r.name; loadLogs(); }; name.appendChild(pick);
            const url = el('td'); if (r.url) { const a = el('a', r.url); a.href = r.url; a.target = '_blank'; url.appendChild(a); }
            const actions = el('td');
            if (r.type === 'project') {
              ['restart', 'stop', 'start'].forEach(v => actions.appendChild(action(r.name, v)));
              if (r.docs) { const a = el('a', 'API reference'); a.href = r.docs; a.target = '_blank'; actions.appendChild(a); }
            }
            row.append(name, el('td', r.type), el('td', r.state, 'state ' + r.state), el('td', uptime(r.uptimeSeconds)), el('td', String(r.restarts)),
              el('td', r.pid ?? '-'), url, el('td', r.references.join(', ')), figures(r.figures), actions);
            return row;
          }));
        }
        async function loadLogs() {
          if (!selected) return;
          document.getElementById('logname').textContent = selected;
          const q = new URLSearchParams({ search: document.getElementById('search').value, level: document.getElementById('level').value });
          const lines = await (await fetch('/api/resources/' + selected + '/logs?' + q)).json();
          const box = document.getElementById('lines');
          box.replaceChildren(...lines.map(l => { const d = el('div', l.text, l.level || ''); return d; }));
          if (document.getElementById('follow').checked) box.scrollTop = box.scrollHeight;
        }
        document.getElementById('search').oninput = loadLogs;
        document.getElementById('level').onchange = loadLogs;
        const events = new EventSource('/api/events');
        events.addEventListener('resources', e => { render(JSON.parse(e.data)); if (document.getElementById('follow').checked) loadLogs(); });
        </script>
        </body>
        </html>
        """;
}
