// 日本語の検索語を分かち書きする(検索ページだけで読み込む)。
//
// Sphinx の検索索引は Janome で単語に分けて作られるが、検索窓に入れた語は
// 分けられない。「勾配を計算」は 1 語のまま探され、何も見つからない。
// ここでは、索引に実際にある語(= Janome が切り出した語)を辞書にして、
// 入力を最長一致の動的計画法で分ける。索引と同じ単位に分かれるので、
// 分けた語は必ず索引で引ける。
//
// - 索引と同じく、2 文字以下のひらがな(助詞など)は検索語にしない。
// - 索引にない部分は捨てる(残すと AND 検索で 0 件になる)。
// - 題名(見出し)の大部分を検索語が占めていれば、題名の一致として上位に出す
//   (「損失関数の選び方」で、題名が「損失関数」のページを出す)。
// - すべての語を含むページがないときは、多くの語を含むページを返す。
//
// searchtools.js は、先に splitQuery が定義されていればそれを使う。
// (searchtools.js より後に読まれても、関数宣言で上書きする。)
"use strict";

const JA_SEARCH = (() => {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
  const WORD = /[\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu;
  const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
  let vocab = null;
  let maxLen = 1;

  const loadVocab = () => {
    if (vocab !== null) return vocab;
    if (typeof Search === "undefined" || !Search._index) return null;
    vocab = new Set();
    for (const key of ["terms", "titleterms"]) {
      for (const term of Object.keys(Search._index[key] || {})) {
        if (!CJK.test(term)) continue;
        vocab.add(term);
        maxLen = Math.max(maxLen, term.length);
      }
    }
    return vocab;
  };

  // 索引の語による最長一致の分割。未知の文字はできるだけ少なく、
  // そのうえで語の数もできるだけ少なくなる分け方を選ぶ。
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
  const isStopword = (w) => w.length < 3 && HIRAGANA.test(w);

  const split = (query) => {
    const words = loadVocab();
    const out = [];
    for (const chunk of query.match(WORD) || []) {
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
    return out.length > 0 ? out : query.match(WORD) || [];
  };

  // Sphinx の日本語カタログは「検索が終わりました」の訳が空文字なので補う
  // (translations.js が読み込まれた後、最初の検索の前に呼ぶ)
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

  // 分けた語で題名(ページと節の見出し)を探す。Sphinx は題名を入力全体で
  // しか探さないので、「損失関数の選び方」では題名が「損失関数」のページが
  // 上位に出ない。題名の大部分を検索語が占めていれば、題名の一致として扱う。
  const titleResults = (searchTerms) => {
    const index = Search._index;
    const out = [];
    const terms = [...searchTerms];
    for (const [title, found] of Object.entries(index.alltitles || {})) {
      const lower = title.toLowerCase();
      const hit = terms.filter((t) => lower.includes(t));
      const covered = hit.reduce((n, t) => n + t.length, 0);
      // 「学習率スケジューラ(Scheduler)」の英語の添え書きは数えない
      const cjk = [...lower].filter((c) => CJK.test(c)).length;
      const size = cjk > 0 ? cjk : lower.length;
      if (hit.length === 0 || covered * 2 < size) continue;
      for (const [file, id] of found) {
        const pageTitle = index.titles[file];
        out.push([
          index.docnames[file],
          pageTitle !== title ? `${pageTitle} > ${title}` : title,
          id !== null ? "#" + id : "",
          null,
          // 本文の一致(Scorer.term)や題名の語の一致より上に出す
          Math.round((3 * Scorer.title * Math.min(covered, size)) / size) +
            hit.length,
          index.filenames[file],
          SearchResultKind.title,
        ]);
      }
    }
    return out;
  };

  // AND 検索が 0 件のとき、語の過半数を含むページを、含む語の多い順に返す
  const patchRelaxedSearch = () => {
    if (typeof Search === "undefined" || Search._jaRelaxed) return;
    fixSummaryTranslation();
    const strict = Search.performTermsSearch;
    Search.performTermsSearch = (searchTerms, excludedTerms) => {
      const results = strict(searchTerms, excludedTerms);
      results.push(...titleResults(searchTerms));
      if (results.length > 0 || searchTerms.size < 2) return results;
      const byPage = new Map();
      for (const term of searchTerms) {
        for (const r of strict(new Set([term]), excludedTerms)) {
          const key = r[0] + r[2];
          const hit = byPage.get(key) || { result: r, terms: 0, score: 0 };
          hit.terms += 1;
          hit.score += r[4];
          byPage.set(key, hit);
        }
      }
      const need = Math.ceil(searchTerms.size / 2);
      return [...byPage.values()]
        .filter((h) => h.terms >= need)
        .map((h) => {
          const r = h.result.slice();
          r[4] = h.terms * 100 + h.score;
          return r;
        });
    };
    Search._jaRelaxed = true;
  };

  return { split, patchRelaxedSearch, segment };
})();

function splitQuery(query) {
  JA_SEARCH.patchRelaxedSearch();
  return JA_SEARCH.split(query);
}
