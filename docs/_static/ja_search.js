// 検索ページ(search.html)の検索: 関連度で順位を付け、その場で表示する。
//
// Sphinx の検索は語がページにあるかないかしか見ず、同点は五十音順に並ぶ。
// ここでは、ビルド時に src/snippet_pipeline/search_index.py が作る索引
// (_static/ja_search_index.js、検索ページだけで読み込む)を使って、
// BM25F で順位を付ける。
//
// - 語の単位: 日本語は 2 文字ずつ(「過学習」→「過学」「学習」)、英数字は
//   単語。索引と同じ規則(search_index.py の tokenize)で分ける。
// - 語の重み: 題名 > 節の見出し > 本文 > コード(回数はビルド時に数えてある)。
//   どのページにもある語(「学習」)は軽く、少ないページにだけある語は重い。
// - 同義語: 用語集の日本語と英語(「overfitting」→「過学習」)も、少し軽く
//   して一緒に探す。
// - 1 ページ 1 件にまとめ、見出しが検索語に合う節があればその節に飛ぶ。
// - 検索窓で Enter を押すと、ページを読み込み直さずにその場で検索する。
//
// splitQuery(索引にある Janome の語への分かち書き)は、結果の要約と、
// 開いたページでの強調表示に使う。
"use strict";

const JA_SEARCH = (() => {
  const CJK_CHARS =
    "\u3005\u3006\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff";
  const CJK = new RegExp(`[${CJK_CHARS}]`, "u");
  const TOKEN = new RegExp(`[${CJK_CHARS}]+|[a-z0-9_]+`, "gu");
  const PHRASE = new RegExp(`[${CJK_CHARS}]+|[a-z0-9]+`, "gu");
  const HIRAGANA = /^[\u3041-\u309f]+$/u;
  const WORD = /[\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu;

  // BM25 の定数と、同義語・前方一致の語の軽さ
  const K1 = 1.2;
  const B = 0.75;
  const SYNONYM_WEIGHT = 0.5;
  const NEAR_WEIGHT = 0.5;
  // 題名・見出しに検索語があるときの加点(語が飽和した BM25 の点に対する倍率)。
  // どのページにもある語(「学習」)も、題名にあれば idf をこの下限として数える
  const TITLE_BOOST = 1;
  const HEADING_BOOST = 0.5;
  const IDF_FLOOR = 0.5;
  const MIN_SHARE = 0.15; // 1 位の点のこの割合に満たない結果は出さない
  const MAX_RESULTS = 25;

  let index = null;
  let pending = null;

  const normalize = (text) => text.normalize("NFKC").toLowerCase();

  // 索引と同じ規則で語に分ける(search_index.py の tokenize)
  const tokenize = (text) => {
    const out = [];
    for (const run of normalize(text).match(TOKEN) || []) {
      if (!CJK.test(run[0])) {
        if (/^\d+$/.test(run) || run.length < 2) continue;
        out.push(run);
        if (run.replace(/^_+|_+$/g, "").includes("_")) {
          for (const part of run.split("_")) if (part.length >= 2) out.push(part);
        }
      } else if (run.length === 1) {
        if (!HIRAGANA.test(run)) out.push(run);
      } else {
        // ひらがなで始まる 2 文字(「する」、助詞をまたぐ「の違」)は使わない
        for (let i = 0; i + 2 <= run.length; i++) {
          if (!HIRAGANA.test(run[i])) out.push(run.slice(i, i + 2));
        }
      }
    }
    return out;
  };

  // 英語の語句は記号を空白にそろえる(search_index.py の _forms と同じ)
  const phrase = (text) => (normalize(text).match(PHRASE) || []).join(" ");

  // 検索語 → { weight, group }。group は用語集で合った組の番号(元の語は -1)。
  // 同義語の語は軽くし、元の語を含むページでは数えない(用語集自身のように
  // 両方を含むページが二重に点を得ないように)
  const queryTerms = (query) => {
    const terms = new Map();
    const add = (text, weight, group) => {
      for (const t of tokenize(text)) {
        if (!terms.has(t) || terms.get(t).weight < weight) {
          terms.set(t, { weight, group });
        }
      }
    };
    add(query, 1, -1);
    const groups = [];
    const q = ` ${phrase(query)} `;
    const qCompact = q.replace(/ /g, "");
    index.synonyms.forEach((forms) => {
      const matched = forms.filter((form) =>
        CJK.test(form)
          ? qCompact.includes(form.replace(/ /g, ""))
          : q.includes(` ${form} `),
      );
      if (matched.length === 0) return;
      groups.push(matched.flatMap((form) => tokenize(form)));
      for (const form of forms) add(form, SYNONYM_WEIGHT, groups.length - 1);
    });
    return [terms, groups];
  };

  // 索引にない語は、近い語をまとめて 1 語として探す(軽くする):
  // - 英数字: 複数形の s を除いた語、なければその語で始まる語
  //   (「optimizers」→ optimizer、「schedul」→ scheduler)
  // - 日本語 1 文字(「層」「値」): その文字を含む 2 文字の語(軽くしない)
  const postingsFor = (term) => {
    const single = CJK.test(term) && term.length === 1;
    if (!single && Object.hasOwn(index.terms, term)) {
      return [[index.terms[term], 1]];
    }
    let near = [];
    if (single) {
      near = index.termList.filter((t) => t.includes(term));
    } else if (!CJK.test(term) && term.length >= 3) {
      const singular = term.replace(/s$/, "");
      near = Object.hasOwn(index.terms, singular)
        ? [singular]
        : index.termList.filter((t) => t.startsWith(term));
    }
    if (near.length === 0) return [];
    const merged = new Map();
    for (const t of near) {
      const posting = index.terms[t];
      for (let i = 0; i < posting.length; i += 2) {
        merged.set(posting[i], (merged.get(posting[i]) || 0) + posting[i + 1]);
      }
    }
    return [[[...merged].flat(), single ? 1 : NEAR_WEIGHT]];
  };

  const idfOf = (df) =>
    Math.log(1 + (index.docs.length - df + 0.5) / (df + 0.5));

  // 題名や見出しに含まれる検索語の点(どのページにもある語も数える)
  const fieldScore = (text, weights) => {
    const words = new Set(tokenize(text));
    const norm = normalize(text);
    let s = 0;
    for (const [t, w] of weights) {
      // 日本語 1 文字の語(「型」)は 2 文字の語に含まれていればよい
      if (words.has(t) || (t.length === 1 && CJK.test(t) && norm.includes(t))) {
        s += w;
      }
    }
    return s;
  };

  const rank = (query) => {
    const n = index.docs.length;
    const [terms, groups] = queryTerms(query);
    // 語 → ページ → BM25 の点
    const perTerm = new Map();
    // 題名・見出しの一致に使う語の重み(idf に下限を付ける)
    const fieldWeights = new Map();
    for (const [term, { weight }] of terms) {
      const docScores = new Map();
      for (const [posting, extra] of postingsFor(term)) {
        const idf = idfOf(posting.length / 2);
        const w = weight * extra;
        fieldWeights.set(
          term,
          Math.max(fieldWeights.get(term) || 0, w * Math.max(idf, IDF_FLOOR)),
        );
        for (let i = 0; i < posting.length; i += 2) {
          const doc = posting[i];
          const tf = posting[i + 1] / index.weights.body;
          const norm = K1 * (1 - B + (B * index.lens[doc]) / index.avgLen);
          const s = w * idf * ((tf * (K1 + 1)) / (tf + norm));
          docScores.set(doc, (docScores.get(doc) || 0) + s);
        }
      }
      perTerm.set(term, docScores);
    }
    const hasAll = (doc, tokens) =>
      tokens.length > 0 &&
      tokens.every((t) => perTerm.get(t)?.has(doc));
    const scores = new Float64Array(n);
    for (const [term, { group }] of terms) {
      for (const [doc, s] of perTerm.get(term)) {
        if (group >= 0 && hasAll(doc, groups[group])) continue;
        scores[doc] += s;
      }
    }
    // 題名の一致は、語が本文に何回あるかとは別に加える(BM25 では、どの
    // ページにもある語や本文に何度も出る語の前で、題名の一致が埋もれる)。
    // 短い題名ほど重くする(BM25 の長さの補正。「nn.Module」の検索で、題名が
    // 「nn.Module」のページを「nn.Module でモデルを定義する」より上に)
    for (let doc = 0; doc < n; doc++) {
      if (scores[doc] === 0) continue;
      const norm = 1 - B + (B * index.titleLens[doc]) / index.avgTitleLen;
      const title =
        (fieldScore(index.docs[doc][1], fieldWeights) * (K1 + 1)) / (1 + K1 * norm);
      const head = Math.max(
        0,
        ...index.heads[doc].map(([, h]) => fieldScore(h, fieldWeights)),
      );
      scores[doc] += (K1 + 1) * (TITLE_BOOST * title + HEADING_BOOST * head);
    }
    // 題名そのものを入れた検索では、そのページを先頭に(題名の語が、ほかの
    // ページの題名や本文にも多く現れるときでも)
    const wanted = query.replace(/\s+/g, "").toLowerCase();
    const top = Math.max(0, ...scores);
    for (let doc = 0; doc < n; doc++) {
      const title = index.docs[doc][1].replace(/\s+/g, "").toLowerCase();
      if (title === wanted) scores[doc] += top;
    }
    const order = [...scores.keys()]
      .filter((d) => scores[d] > 0)
      .sort((a, b) => scores[b] - scores[a] || a - b);
    if (order.length === 0) return [];
    const floor = scores[order[0]] * MIN_SHARE;
    return order
      .filter((d) => scores[d] >= floor)
      .slice(0, MAX_RESULTS)
      .map((d) => result(d, scores[d], fieldWeights));
  };

  // 見出しが検索語の大半を含む節があれば、その節へのリンクにする
  const result = (doc, score, fieldWeights) => {
    const [docname, title, topId] = index.docs[doc];
    const total = [...fieldWeights.values()].reduce((a, b) => a + b, 0);
    let best = null;
    let bestScore = fieldScore(title, fieldWeights);
    for (const [anchor, heading] of index.heads[doc]) {
      const s = fieldScore(heading, fieldWeights);
      if (s > bestScore) [best, bestScore] = [[anchor, heading], s];
    }
    const section = best !== null && bestScore * 2 >= total;
    return [
      docname,
      section ? `${title} > ${best[1]}` : title,
      // 節でなければ本文の節へ(要約を、サイトの枠でなく本文から取るため)
      section ? `#${best[0]}` : topId ? `#${topId}` : "",
      null,
      Math.round(score * 100),
      docname + DOCUMENTATION_OPTIONS.FILE_SUFFIX,
      section ? SearchResultKind.title : SearchResultKind.text,
    ];
  };

  // Sphinx の Search.query の代わり。強調表示と要約の語は Sphinx の解析に任せる
  const query = (text) => {
    if (index === null) {
      pending = text;
      return;
    }
    const [, searchTerms, , highlightTerms] = Search._parseQuery(text);
    const results = rank(text);
    _removeChildren(document.getElementById("search-progress"));
    for (const item of results) _displayItem(item, searchTerms, highlightTerms);
    _finishSearch(results.length);
  };

  const setIndex = (data) => {
    index = data;
    index.avgLen = index.lens.reduce((a, b) => a + b, 0) / index.lens.length || 1;
    index.termList = Object.keys(index.terms);
    index.titleLens = index.docs.map(([, title]) => tokenize(title).length || 1);
    index.avgTitleLen =
      index.titleLens.reduce((a, b) => a + b, 0) / index.titleLens.length || 1;
    if (pending !== null) {
      const text = pending;
      pending = null;
      query(text);
    }
    // Sphinx の索引(searchindex.js)は読み込まない(この索引だけで足りる)。
    // Sphinx は索引が来るまで検索語を預かるので、空の索引を渡して放させる
    if (typeof Search !== "undefined" && Search._index === null) {
      Search.setIndex({});
    }
  };

  // ---------------------------------------------------------------------
  // 分かち書き(強調表示と要約用): この索引にある語による最長一致
  // ---------------------------------------------------------------------
  let vocab = null;
  let maxLen = 1;

  const loadVocab = () => {
    if (vocab !== null) return vocab;
    if (index === null) return null;
    vocab = new Set();
    for (const term of index.words || []) {
      if (!CJK.test(term)) continue;
      vocab.add(term);
      maxLen = Math.max(maxLen, term.length);
    }
    return vocab;
  };

  // 未知の文字はできるだけ少なく、そのうえで語の数もできるだけ少なく分ける
  const segment = (text, words) => {
    const n = text.length;
    const best = new Array(n + 1).fill(null);
    best[0] = { unknown: 0, count: 0, prev: -1, known: false };
    for (let i = 0; i < n; i++) {
      if (best[i] === null) continue;
      const here = best[i];
      const consider = (j, known) => {
        const cand = {
          unknown: here.unknown + (known ? 0 : j - i),
          count: here.count + 1,
          prev: i,
          known,
        };
        const cur = best[j];
        if (
          cur === null ||
          cand.unknown < cur.unknown ||
          (cand.unknown === cur.unknown && cand.count < cur.count)
        ) {
          best[j] = cand;
        }
      };
      consider(i + 1, words.has(text[i]));
      for (let j = i + 2; j <= Math.min(n, i + maxLen); j++) {
        if (words.has(text.slice(i, j))) consider(j, true);
      }
    }
    const parts = [];
    for (let j = n; j > 0; j = best[j].prev) {
      parts.unshift({ text: text.slice(best[j].prev, j), known: best[j].known });
    }
    return parts;
  };

  // 索引と同じ基準で、検索語にしない語(短いひらがな)を除く
  const isStopword = (w) => w.length < 3 && /^[\p{Script=Hiragana}ー]+$/u.test(w);

  const split = (text) => {
    const words = loadVocab();
    const out = [];
    for (const chunk of text.match(WORD) || []) {
      if (!CJK.test(chunk) || words === null || words.has(chunk)) {
        out.push(chunk);
        continue;
      }
      // 英数字と日本語の境目でも分ける(「PyTorchの勾配」など)
      for (const run of chunk.match(/[\p{Script=Latin}\p{Number}_]+|[^\p{Script=Latin}\p{Number}_]+/gu)) {
        if (!CJK.test(run)) {
          out.push(run);
          continue;
        }
        for (const part of segment(run, words)) {
          if (part.known && !isStopword(part.text)) out.push(part.text);
        }
      }
    }
    return out.length > 0 ? out : text.match(WORD) || [];
  };

  // ---------------------------------------------------------------------
  // 検索ページへの組み込み
  // ---------------------------------------------------------------------
  // Sphinx の日本語カタログは「検索が終わりました」の訳が空文字なので補う
  const fixSummaryTranslation = () => {
    if (typeof Documentation === "undefined") return;
    const key = "Search finished, found one page matching the search query.";
    const cur = Documentation.TRANSLATIONS[key];
    if (cur === undefined || (Array.isArray(cur) && !cur[0])) {
      Documentation.TRANSLATIONS[key] = [
        "検索が終わりました。${resultCount} ページが見つかりました。",
      ];
    }
  };

  const install = () => {
    if (typeof Search === "undefined" || Search._jaInstalled) return;
    fixSummaryTranslation();
    Search.query = query;
    Search._jaInstalled = true;
  };

  // 検索窓の Enter: 読み込み直さず、その場で検索して URL だけ変える
  const searchInPlace = (text, push) => {
    install();
    const url = new URL(window.location.href);
    url.searchParams.set("q", text);
    url.hash = "";
    if (push) window.history.pushState(null, "", url);
    document.querySelectorAll('input[name="q"]').forEach((el) => (el.value = text));
    document.getElementById("search-results")?.replaceChildren();
    if (text.trim()) Search.performSearch(text);
  };

  document.addEventListener("submit", (event) => {
    const form = event.target.closest?.("form.bd-search");
    if (!form || typeof Search === "undefined") return;
    event.preventDefault();
    const text = form.querySelector('input[name="q"]')?.value ?? "";
    form.closest("dialog")?.close();
    searchInPlace(text, true);
  });
  // Sphinx の Search.init(DOMContentLoaded)より先に Search.query を差し替える
  // (このファイルは searchtools.js より前に読まれるので、先に登録される)
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
  window.addEventListener("popstate", () => {
    searchInPlace(new URL(window.location.href).searchParams.get("q") || "", false);
  });

  return { split, segment, tokenize, rank, setIndex, install };
})();

function splitQuery(query) {
  JA_SEARCH.install();
  return JA_SEARCH.split(query);
}
