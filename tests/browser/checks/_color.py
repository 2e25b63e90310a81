"""色のコントラストを測る JavaScript(contrast.py などが使う)。

``COLOR_JS`` はページに ``window.__contrast`` を定める。WCAG 2 の相対輝度と
コントラスト比、要素の地の色(最も近い不透明な背景。SVG の図ではラベルの
属するノードの図形の塗り)を求める。CSS の ``filter`` がかかった要素は、
計算した色と画面の色が一致しないので、そのことを返す。
"""

COLOR_JS = """(() => {
  if (window.__contrast) return;
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const rgb = (s) => {
    s = (s || '').trim();
    const hex = s.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
    if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
    if (!s.startsWith('rgb')) return null;
    return s.match(/[\\d.]+/g).map(Number);
  };
  const opaque = (c) => c && (c.length === 3 || c[3] > 0.5);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const SHAPES = ['rect', 'polygon', 'circle', 'ellipse', 'path'];
  const background = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (e.namespaceURI === XHTML) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (opaque(c)) return c;
      } else if (e.tagName === 'g' &&
                 /\\b(node|cluster)\\b/.test(e.getAttribute('class') || '')) {
        for (const s of e.children) {
          if (!SHAPES.includes(s.tagName)) continue;
          const c = rgb(getComputedStyle(s).fill);
          if (opaque(c)) return c;
        }
      }
    }
    const page = rgb(getComputedStyle(document.body).backgroundColor);
    return page || [255, 255, 255];
  };
  const filtered = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const f = getComputedStyle(e).filter;
      if (f && f !== 'none') return f;
    }
    return null;
  };
  const visible = (el) => el.checkVisibility
    ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    : !!el.getClientRects().length;
  // root の中で、自分の文字を持つ要素ごとに [比, 文字, 前景, 地, filter]。
  // hidden が真なら、閉じたドロップダウンや選ばれていないタブの中も測る
  const measure = (root, hidden) => {
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some(
        (n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || (!hidden && !visible(el))) continue;
      const svgText = el.namespaceURI !== XHTML;
      const st = getComputedStyle(el);
      const fg = rgb(svgText ? st.fill : st.color);
      if (!fg) continue;
      const bg = background(el);
      out.push([ratio(fg, bg), el.textContent.trim().slice(0, 30),
                fg.join(','), bg.join(','), filtered(el)]);
    }
    return out;
  };
  window.__contrast = { rgb, ratio, background, measure, visible };
})()"""
