(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var svg = document.querySelector('#map svg');
  var tip = document.getElementById('tooltip');
  var slider = document.getElementById('date');
  var total = document.getElementById('total-km2');
  var shownDate = document.getElementById('shown-date');
  var frame = slider ? Number(slider.value) : -1;
  var current = null;

  // Held km² and share of a region on the date shown: the table's, or the frame's when there is a slider.
  function figures(iso) {
    var r = data.regions[iso] || [iso, '–', '–', ''];
    if (frame < 0) { return {name: r[0], km2: r[1], pct: r[2], figure: r[3]}; }
    var c = data.frames[frame][4][iso];
    return {name: r[0], km2: c ? c[0] : '–', pct: c ? c[1] : '–', figure: c ? 'measured' : ''};
  }

  function row(dl, label, value) {
    var dd = document.createElement('dd');
    var span = document.createElement('span');
    span.textContent = label;
    dl.appendChild(span);
    dd.textContent = value;
    dl.appendChild(dd);
  }

  function show(el, x, y) {
    var f = figures(el.getAttribute('data-iso'));
    var dl = document.createElement('dl');
    var dt = document.createElement('dt');
    dt.textContent = f.name + ' (' + el.getAttribute('data-iso') + ')' + (frame >= 0 ? ', ' + data.frames[frame][0] : '');
    dl.appendChild(dt);
    row(dl, 'Held km²', f.km2);
    row(dl, 'Share', f.pct);
    row(dl, 'Figure in source', f.figure || '–');
    tip.replaceChildren(dl);
    tip.hidden = false;
    current = el;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + 'px';
    tip.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 4)) + 'px';
  }

  function hide() { tip.hidden = true; current = null; }

  function region(target) {
    return target && target.closest ? target.closest('path.region[data-iso]') : null;
  }

  svg.addEventListener('pointermove', function (e) {
    var el = region(e.target);
    if (el) { show(el, e.clientX, e.clientY); } else { hide(); }
  });
  svg.addEventListener('pointerleave', hide);
  svg.addEventListener('focusin', function (e) {
    var el = region(e.target);
    if (!el) { return; }
    var b = el.getBoundingClientRect();
    show(el, b.left + b.width / 2, b.top + b.height / 2);
  });
  svg.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { hide(); } });

  if (slider) {
    var held = svg.querySelector('path.controlled');
    var layer = svg.querySelector('g.controlled');
    if (!held && layer) {
      // The last date held nothing, so its map drew no held ground to restyle: paint it as animate does.
      held = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      held.setAttribute('class', 'controlled');
      held.setAttribute('fill', data.held[0]);
      held.setAttribute('stroke', data.held[0]);
      held.setAttribute('stroke-width', String(data.held[1]));
      held.setAttribute('stroke-linejoin', 'round');
      held.setAttribute('fill-rule', 'evenodd');
      layer.insertBefore(held, layer.firstChild);
    }
    var date = svg.querySelector('text.frame-date');
    var figure = svg.querySelector('text.held-km2');
    var draw = function () {
      frame = Number(slider.value);
      var f = data.frames[frame];
      var d = '';
      for (var i = 0; i < f[3].length; i++) { d += data.pieces[f[3][i]]; }
      if (held) { held.setAttribute('d', d || 'M0 0'); }
      if (date) { date.textContent = f[0]; }
      if (figure) { figure.textContent = f[2]; }
      total.textContent = f[1];
      shownDate.textContent = f[0];
      slider.setAttribute('aria-valuetext', f[0]);
      if (current) {
        var b = current.getBoundingClientRect();
        show(current, b.left + b.width / 2, b.top + b.height / 2);
      }
    };
    slider.addEventListener('input', draw);
    draw();
  }
}());
