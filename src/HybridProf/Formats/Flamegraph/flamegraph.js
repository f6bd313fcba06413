// Interactivity for the flame graphs written by HybridProf's FlamegraphWriter.
//
// Each frame is <g class="f" data-x="offset" data-w="weight"> in profile units (samples or ns),
// holding a <title> (tooltip: name on the first line), a <rect> and a <text> label. Positions
// are recomputed from data-x/data-w, so zooming never accumulates rounding error.
// The label fitting in fitLabel mirrors FlameLabelFit in C#: keep the two in step.
(function () {
  'use strict';

  const doc = document.documentElement;
  const area = document.getElementById('frames');
  const details = document.getElementById('details');
  const matched = document.getElementById('matched');
  const unzoomButton = document.getElementById('unzoom');
  const searchButton = document.getElementById('search');
  const total = Number(area.getAttribute('data-total'));
  const areaWidth = Number(area.getAttribute('width'));
  const charWidth = Number(doc.getAttribute('data-char-width'));
  const padding = 3;

  // Read every frame once: the DOM is only written afterwards.
  const frames = Array.prototype.map.call(area.querySelectorAll('g.f'), function (g) {
    const rect = g.querySelector('rect');
    const lines = g.querySelector('title').textContent.split('\n');
    return {
      g: g,
      rect: rect,
      label: g.querySelector('text'),
      name: lines[0],
      info: lines.join('  \u00B7  '),
      x: Number(g.getAttribute('data-x')),
      w: Number(g.getAttribute('data-w')),
      // The root is drawn at the bottom, so a larger y means nearer the root.
      y: Number(rect.getAttribute('y')),
    };
  });
  const byElement = new Map(frames.map(function (f) { return [f.g, f]; }));
  const root = frames[0];
  let zoomed = null;
  let searching = false;

  // Mirrors FlameLabelFit in C#: the leading namespace goes first, behind an ellipsis, so the
  // type and member stay readable; only a member too long on its own is cut at its end.
  const ellipsis = '\u2026';
  const minChars = 3;
  const boundSuffix = /^(get|set|init|add|remove|lambda[0-9]+)$/;

  function segmentStarts(name) {
    const starts = [0];
    let depth = 0;
    for (let i = 0; i < name.length; i++) {
      const ch = name[i];
      if (ch === '<' || ch === '(' || ch === '[') depth++;
      else if ((ch === '>' || ch === ')' || ch === ']') && depth > 0) depth--;
      else if (ch === '.' && depth === 0 && i > 0 && name[i - 1] !== '.' && i + 1 < name.length) starts.push(i + 1);
    }
    return starts;
  }

  function fitLabel(name, width) {
    const chars = Math.floor((width - 2 * padding) / charWidth);
    if (chars < minChars) return '';
    if (name.length <= chars) return name;
    const starts = segmentStarts(name);
    const last = starts.length - 1;
    const bound = last > 0 && boundSuffix.test(name.substring(starts[last]));
    const minimal = bound ? starts[last - 1] : starts[last];
    for (let k = 0; k < starts.length && starts[k] <= minimal; k++) {
      if (starts[k] > 0 && name.length - starts[k] + 1 <= chars) return ellipsis + name.substring(starts[k]);
    }
    return name.substring(minimal, minimal + chars - 1) + ellipsis;
  }

  function place(frame, x, width) {
    frame.g.classList.remove('hide');
    frame.rect.setAttribute('x', String(x));
    frame.rect.setAttribute('width', String(width));
    frame.label.setAttribute('x', String(x + padding));
    frame.label.textContent = fitLabel(frame.name, width);
  }

  // Zoom so that `target` fills the width: its descendants are spread over the width with it,
  // its ancestors span the whole width (dimmed, still clickable), everything else is hidden.
  function zoom(target) {
    if (!target || target.w <= 0) return;
    // Same operation order as the C# writer (weight * scale), so zooming out restores every
    // position and label exactly as written.
    const scale = areaWidth / target.w;
    const end = target.x + target.w;
    frames.forEach(function (f) {
      const inside = f.x >= target.x && f.x + f.w <= end && f.y <= target.y;
      const ancestor = f.y > target.y && f.x <= target.x && f.x + f.w >= end;
      f.g.classList.toggle('parent', ancestor && target !== root);
      if (inside) place(f, (f.x - target.x) * scale, f.w * scale);
      else if (ancestor) place(f, 0, areaWidth);
      else f.g.classList.add('hide');
    });
    zoomed = target === root ? null : target;
    unzoomButton.classList.toggle('hide', zoomed === null);
  }

  function unzoom() {
    zoom(root);
  }

  function toRegExp(term) {
    try {
      return new RegExp(term);
    } catch (e) {
      // Not a valid regular expression: match it as plain text.
      return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }

  // Highlights frames whose name matches `term` and returns the matched share of the profile
  // in percent. A match nested in another match is not counted twice: the matched spans
  // (offset ranges) are merged before summing.
  function search(term) {
    if (!term) {
      resetSearch();
      return 0;
    }
    const re = toRegExp(term);
    const spans = [];
    frames.forEach(function (f) {
      const hit = f !== root && re.test(f.name);
      f.g.classList.toggle('match', hit);
      if (hit) spans.push(f);
    });
    spans.sort(function (a, b) { return a.x - b.x || b.w - a.w; });
    let covered = 0;
    let end = 0;
    spans.forEach(function (f) {
      const spanEnd = f.x + f.w;
      if (spanEnd > end) {
        covered += spanEnd - Math.max(f.x, end);
        end = spanEnd;
      }
    });
    const percent = total > 0 ? 100 * covered / total : 0;
    matched.textContent = 'Matched: ' + percent.toFixed(2) + '%';
    searchButton.textContent = 'Reset search';
    searching = true;
    return percent;
  }

  function resetSearch() {
    frames.forEach(function (f) { f.g.classList.remove('match'); });
    matched.textContent = ' ';
    searchButton.textContent = 'Search';
    searching = false;
  }

  function promptSearch() {
    const term = window.prompt('Search frames (regular expression or text):', '');
    if (term) search(term);
  }

  function frameOf(event) {
    const g = event.target.closest && event.target.closest('g.f');
    return g ? byElement.get(g) : null;
  }

  area.addEventListener('click', function (event) {
    const frame = frameOf(event);
    if (frame) zoom(frame);
  });
  area.addEventListener('mouseover', function (event) {
    const frame = frameOf(event);
    details.textContent = frame ? frame.info : ' ';
  });
  area.addEventListener('mouseout', function () { details.textContent = ' '; });
  unzoomButton.addEventListener('click', unzoom);
  searchButton.addEventListener('click', function () {
    if (searching) resetSearch();
    else promptSearch();
  });
  window.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'F')) {
      // Replace the browser's find bar, which cannot see truncated labels.
      event.preventDefault();
      promptSearch();
    } else if (event.key === 'Escape') {
      resetSearch();
    }
  });

  // A small API for scripts and tests.
  window.flamegraph = {
    zoom: function (g) { zoom(byElement.get(g)); },
    unzoom: unzoom,
    search: search,
    resetSearch: resetSearch,
    get zoomed() { return zoomed ? zoomed.g : null; },
  };
})();
