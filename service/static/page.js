// The page at `/`: sends the article to POST /v1/quotes and draws the answer.
// Article text only ever reaches the page as DOM text (textContent), never as HTML.
"use strict";

const COLOURS = ["#ffd166", "#a0e7e5", "#ffadad", "#caffbf", "#bdb2ff", "#fdffb6",
                 "#ffc6ff", "#9bf6ff", "#ffb4a2", "#d0f4de", "#e4c1f9", "#f1c0e8"];

const $ = (id) => document.getElementById(id);

// The service's offsets count code points (Python str indices); JavaScript strings count UTF-16
// units. units[i] is where code point i starts, units[length] the end of the text.
function codeUnitOffsets(text) {
  const units = [0];
  for (const ch of text) units.push(units[units.length - 1] + ch.length);
  return units;
}

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

// Every boundary of a fragment or a cue cuts the text into segments; each segment is drawn in
// the innermost quote that covers it (the shortest), and underlined where a cue covers it.
function segments(length, quotes) {
  const cuts = new Set([0, length]);
  for (const q of quotes) {
    for (const f of q.fragments) { cuts.add(f.start); cuts.add(f.end); }
    if (q.cue) { cuts.add(q.cue.start); cuts.add(q.cue.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const size = (q) => q.fragments.reduce((n, f) => n + f.end - f.start, 0);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [start, end] = [points[k], points[k + 1]];
    const covering = quotes.filter((q) => q.fragments.some((f) => f.start <= start && end <= f.end));
    covering.sort((a, b) => size(a) - size(b));
    const cue = quotes.find((q) => q.cue && q.cue.start <= start && end <= q.cue.end);
    out.push({ start, end, quote: covering[0] || null, cue: cue || null });
  }
  return out;
}

function colourOf(speakers, quote) {
  const index = quote.speaker ? speakers.findIndex((s) => s.id === quote.speaker.id) : -1;
  return index < 0 ? "#dddddd" : COLOURS[index % COLOURS.length];
}

function drawText(text, result) {
  const units = codeUnitOffsets(text);
  const slice = (start, end) => text.slice(units[start], units[end]);
  const box = $("text");
  box.replaceChildren();
  const focusable = new Set();
  let mark = null;
  for (const seg of segments(units.length - 1, result.quotes)) {
    if (!seg.quote) {
      mark = null;
      box.append(seg.cue ? element("span", { class: "cue", "data-cue-of": seg.cue.id }, slice(seg.start, seg.end))
                         : document.createTextNode(slice(seg.start, seg.end)));
      continue;
    }
    if (!mark || mark.dataset.quote !== seg.quote.id || Number(mark.dataset.end) !== seg.start) {
      const first = !focusable.has(seg.quote.id);
      focusable.add(seg.quote.id);
      mark = element("mark", { "data-quote": seg.quote.id, "data-start": seg.start, "data-end": seg.end,
                               tabindex: first ? "0" : "-1", style: `--colour: ${colourOf(result.speakers, seg.quote)}`,
                               "aria-label": describe(seg.quote) });
      box.append(mark);
    }
    mark.dataset.end = seg.end;
    mark.append(seg.cue ? element("span", { class: "cue" }, slice(seg.start, seg.end))
                        : document.createTextNode(slice(seg.start, seg.end)));
  }
}

function describe(quote) {
  const who = quote.speaker ? (quote.speaker.name || (quote.speaker.mention || {}).text || "unnamed") : "no speaker";
  return `${quote.type} quote by ${who}`;
}

function showDetails(quote) {
  const details = $("details");
  const list = element("dl");
  const speaker = quote.speaker || {};
  const rows = [["Speaker", speaker.name || (speaker.mention || {}).text || "none given"],
                ["Title", speaker.title || "none"], ["Kind of speaker", speaker.kind || "unknown"],
                ["Quote", `${quote.type}, ${quote.kind}`], ["Cue", quote.cue ? quote.cue.text : "none"],
                ["Confidence", quote.confidence.toFixed(2)]];
  for (const [term, value] of rows) list.append(element("dt", {}, term), element("dd", {}, value));
  details.replaceChildren(list);
  for (const m of document.querySelectorAll("mark")) m.classList.toggle("selected", m.dataset.quote === quote.id);
}

function drawSpeakers(result) {
  const list = $("speakers");
  list.replaceChildren();
  result.speakers.forEach((speaker, index) => {
    const label = [speaker.name || speaker.mentions.map((m) => m.text)[0] || "unnamed",
                   speaker.title ? `, ${speaker.title}` : "", ` (${speaker.quote_ids.length})`].join("");
    const button = element("button", { type: "button", "aria-pressed": "false", "data-speaker": speaker.id,
                                       style: `--colour: ${COLOURS[index % COLOURS.length]}` }, label);
    button.addEventListener("click", () => selectSpeaker(button, new Set(speaker.quote_ids)));
    list.append(element("li"));
    list.lastChild.append(button);
  });
}

// Pressing a speaker shows only their quotes; pressing again shows every quote.
function selectSpeaker(button, quoteIds) {
  const pressed = button.getAttribute("aria-pressed") !== "true";
  for (const b of document.querySelectorAll("#speakers button")) b.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-pressed", String(pressed));
  for (const m of document.querySelectorAll("mark")) m.classList.toggle("dim", pressed && !quoteIds.has(m.dataset.quote));
}

async function submit(event) {
  event.preventDefault();
  const text = $("article").value;
  $("status").textContent = "Reading the article…";
  $("submit").disabled = true;
  try {
    const response = await fetch("v1/quotes", { method: "POST", headers: { "Content-Type": "application/json" },
                                                body: JSON.stringify({ text }) });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || response.statusText);
    render(text, body);
    $("status").textContent = `${body.quotes.length} quotes from ${body.speakers.length} speakers.`;
  } catch (error) {
    $("status").textContent = `The service answered with an error: ${error.message}`;
  } finally {
    $("submit").disabled = false;
  }
}

let current = null;

function render(text, result) {
  current = result;
  drawText(text, result);
  drawSpeakers(result);
  $("details").replaceChildren(element("p", {}, "Tab to a quote, or hover it, to see who said it."));
  $("result").hidden = false;
}

function quoteOf(target) {
  const mark = target.closest && target.closest("mark");
  return mark && current ? current.quotes.find((q) => q.id === mark.dataset.quote) : null;
}

async function loadExamples() {
  const select = $("example");
  const examples = await fetch("examples.json").then((r) => (r.ok ? r.json() : [])).catch(() => []);
  for (const example of examples) select.append(element("option", { value: example.name }, example.name));
  select.addEventListener("change", () => {
    const chosen = examples.find((e) => e.name === select.value);
    if (chosen) $("article").value = chosen.text;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("article-form").addEventListener("submit", submit);
  for (const type of ["focusin", "mouseover"]) {
    $("text").addEventListener(type, (event) => { const q = quoteOf(event.target); if (q) showDetails(q); });
  }
  loadExamples();
});
