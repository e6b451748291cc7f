/* triangulate dashboard: network (Cytoscape), dyad chart (Vega-Lite), events, claims.
 *
 * One state object, mirrored in the URL query string (shareable), drives every panel.
 * Every datum comes from the JSON endpoints; data is put into the page with
 * textContent only (no HTML parsing of any datum), so article text stays inert. */
(function () {
  "use strict";

  const FILTERS = ["status", "cameo", "since", "until"];
  const SELECTION = ["actor", "a", "b", "month"];
  const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict", "other"];
  const COLOURS = { positive: "#2b8a3e", negative: "#c92a2a", neutral: "#868e96" };
  const $ = (id) => document.getElementById(id);
  const state = readState();
  let cy = null;
  let dyadEvents = [];

  // -- state <-> URL ---------------------------------------------------------
  function readState() {
    const params = new URLSearchParams(window.location.search);
    const s = {};
    for (const k of FILTERS.concat(SELECTION)) s[k] = params.get(k) || "";
    return s;
  }

  function writeState() {
    const params = new URLSearchParams();
    for (const k of FILTERS.concat(SELECTION)) if (state[k]) params.set(k, state[k]);
    const query = params.toString();
    window.history.replaceState(null, "", "/dashboard" + (query ? "?" + query : ""));
  }

  function filterQuery(extra) {
    const params = new URLSearchParams();
    for (const k of FILTERS) if (state[k]) params.set(k, state[k]);
    for (const [k, v] of Object.entries(extra || {})) if (v) params.set(k, v);
    return params.toString();
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!body.ok) throw new Error(body.error ? body.error.message : "request failed");
    return body.data;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function say(text) { $("status-line").textContent = text; }

  // -- network ---------------------------------------------------------------
  async function loadNetwork() {
    const data = await getJSON("/network.json?" + filterQuery());
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
    const elements = data.nodes.map((n) => ({ data: { id: n.code, events: n.events } }))
      .concat(data.edges.map((e) => ({
        data: {
          id: e.a + "|" + e.b, source: e.a, target: e.b, count: e.count,
          mean: e.goldstein_mean, colour: colourOf(e.goldstein_mean),
        },
      })));
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("network"),
      elements: elements,
      style: [
        { selector: "node", style: {
          label: "data(id)", "font-size": 11, "text-valign": "center", color: "#1d232a",
          "background-color": "#a5c3e6", "border-color": "#1f5fa8", "border-width": 1,
          width: `mapData(events, 0, ${maxNode}, 18, 70)`,
          height: `mapData(events, 0, ${maxNode}, 18, 70)`,
        } },
        { selector: "edge", style: {
          width: `mapData(count, 0, ${maxEdge}, 1, 14)`, "line-color": "data(colour)",
          opacity: 0.75, "curve-style": "bezier",
        } },
        { selector: ".picked", style: { "border-width": 4, "border-color": "#f08c00",
          "line-color": "#f08c00", opacity: 1 } },
        { selector: ".faded", style: { opacity: 0.15 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true },
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "node", (evt) => pickActor(evt.target.id()));
    cy.on("tap", "edge", (evt) => pickDyad(evt.target.data("source"), evt.target.data("target")));
    cy.one("render", () => {
      performance.mark("network-drawn");
      document.body.dataset.network = "drawn";
    });
    window.dashboard.cy = cy;
    say(`${data.nodes.length} countries, ${data.edges.length} dyads`);
  }

  function colourOf(mean) {
    if (mean === null || mean === undefined || mean === 0) return COLOURS.neutral;
    return mean > 0 ? COLOURS.positive : COLOURS.negative;
  }

  function highlight() {
    if (!cy) return;
    cy.elements().removeClass("picked faded");
    let picked = cy.collection();
    if (state.actor) picked = cy.getElementById(state.actor);
    if (state.a && state.b) {
      picked = cy.edges().filter((e) => {
        const ends = [e.data("source"), e.data("target")];
        return ends.includes(state.a) && ends.includes(state.b);
      });
    }
    if (picked.empty()) return;
    const keep = picked.union(picked.connectedNodes()).union(picked.closedNeighborhood());
    cy.elements().not(keep).addClass("faded");
    picked.addClass("picked");
  }

  // -- selection -------------------------------------------------------------
  function pickActor(code) {
    Object.assign(state, { actor: code, a: "", b: "", month: "" });
    writeState();
    showSelection();
  }

  function pickDyad(a, b) {
    Object.assign(state, { actor: "", a: a, b: b, month: "" });
    writeState();
    showSelection();
  }

  function pickMonth(month) {
    state.month = month || "";
    writeState();
    renderEvents();
  }

  async function showSelection() {
    highlight();
    loadClaims();
    if (state.a && state.b) {
      $("selection").textContent = `dyad ${state.a}–${state.b}`;
      await loadDyadEvents();
      await loadSeries();
    } else if (state.actor) {
      $("selection").textContent = `actor ${state.actor}`;
      $("chart").replaceChildren(el("p", "Click an edge to see its dyad.", "none"));
      dyadEvents = await getJSON("/events.json?" + filterQuery({ actor: state.actor, limit: "1000" }));
      renderEvents();
    } else {
      $("selection").textContent = "";
      $("events-title").textContent = "";
      $("events").replaceChildren(el("li", "Click a node or an edge.", "none"));
    }
  }

  // -- dyad chart ------------------------------------------------------------
  // series.json takes the same filters as the other panels, so the chart counts
  // exactly the events the list shows (all of them, not a page).
  async function loadSeries() {
    const dyad = `${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}`;
    const rows = await getJSON(`/dyads/${dyad}/series.json?` + filterQuery());
    const values = [];
    for (const row of rows) {
      for (const quad of QUADS) {
        if (row[quad]) {
          values.push({ period: row.period || "unknown", quad: quad, count: row[quad] });
        }
      }
    }
    const spec = {
      width: "container", height: 240, data: { values: values },
      mark: { type: "bar", cursor: "pointer" },
      encoding: {
        x: { field: "period", type: "ordinal", title: "month", sort: "ascending" },
        y: { field: "count", type: "quantitative", title: "events", stack: "zero" },
        color: { field: "quad", type: "nominal", title: "quad class", sort: QUADS,
          scale: { domain: QUADS, range: ["#74c0fc", "#1c7ed6", "#ffa94d", "#e03131", "#adb5bd"] } },
      },
    };
    const result = await vegaEmbed($("chart"), spec, {
      mode: "vega-lite", actions: false, renderer: "svg", defaultStyle: false, tooltip: false,
      ast: true, expr: vegaInterpreter.expressionInterpreter,
    });
    result.view.addEventListener("click", (_event, item) => {
      if (item && item.datum && item.datum.period) pickMonth(item.datum.period);
    });
    window.dashboard.chart = result.view;
  }

  // -- events ----------------------------------------------------------------
  async function loadDyadEvents() {
    const [ab, ba] = await Promise.all([
      getJSON("/events.json?" + filterQuery({ source: state.a, target: state.b, limit: "1000" })),
      getJSON("/events.json?" + filterQuery({ source: state.b, target: state.a, limit: "1000" })),
    ]);
    dyadEvents = ab.concat(ba);
    renderEvents();
  }

  function dayOf(e) { return e.date || e.published || ""; }

  function renderEvents() {
    let shown = dyadEvents.slice().sort((x, y) => dayOf(x).localeCompare(dayOf(y)));
    if (state.month) {
      shown = shown.filter((e) => (state.month === "unknown" ? !dayOf(e) : dayOf(e).startsWith(state.month)));
    }
    const what = state.actor ? state.actor : `${state.a}–${state.b}`;
    $("events-title").textContent = `${shown.length} of ${what}` + (state.month ? ` in ${state.month}` : "");
    const items = shown.map((e) => {
      const li = el("li");
      li.dataset.eventId = e.id;
      li.append(el("span", `${dayOf(e) || "undated"} · ${e.source} ${e.cameo} ${e.target} · ${e.status}`, "meta"));
      const link = el("a", e.evidence || "(no sentence)", "evidence");
      const params = new URLSearchParams({ start: e.sentence_start, end: e.sentence_end });
      link.href = `/evidence/${encodeURIComponent(e.doc_id)}?${params}`;
      li.append(link);
      return li;
    });
    if (state.month) {
      const all = el("button", "show all months");
      all.type = "button";
      all.addEventListener("click", () => pickMonth(""));
      const li = el("li");
      li.append(all);
      items.unshift(li);
    }
    $("events").replaceChildren(...(items.length ? items : [el("li", "No events.", "none")]));
  }

  // -- claims ----------------------------------------------------------------
  async function loadClaims() {
    const selection = state.actor ? { actor: state.actor }
      : (state.a && state.b ? { source: state.a, target: state.b } : {});
    const windows = await getJSON("/claims.json?" + filterQuery({ ...selection, limit: "1000" }));
    const rows = windows.map((w) => {
      const contradicted = (w.relations || []).some((r) => r.kind === "contradict");
      const tr = el("tr", null, contradicted ? "contradicted" : "");
      tr.append(el("td", w.item), el("td", w.country), el("td", w.window.join(" – ")),
        el("td", w.claims.map((c) => c.value).join(", ")), el("td", (w.sources || []).join(", ")),
        el("td", contradicted ? "contradicted" : "", "flag"));
      return tr;
    });
    $("claims").tBodies[0].replaceChildren(...rows);
  }

  // -- start -------------------------------------------------------------------
  function bindForm() {
    $("filters").addEventListener("submit", (evt) => {
      evt.preventDefault();
      const form = new FormData(evt.target);
      for (const k of FILTERS) state[k] = String(form.get(k) || "").trim();
      writeState();
      start();
    });
  }

  async function start() {
    try {
      await loadNetwork();
      await showSelection();
    } catch (err) {
      say("Could not load: " + err.message);
    }
  }

  window.dashboard = { state: state, pickActor: pickActor, pickDyad: pickDyad, pickMonth: pickMonth };
  bindForm();
  start();
})();
