// 支援技術のための補い(axe-core の serious の違反をなくす)。
(() => {
  const fix = () => {
    // 左の目次の、下位ページを開閉する summary には文字がない。親のページの
    // 名前を付ける(summary-name)
    for (const s of document.querySelectorAll("li > details > summary")) {
      if (s.textContent.trim() || s.hasAttribute("aria-label")) continue;
      const link = s.closest("li").querySelector(":scope > a");
      const name = link ? link.textContent.trim() : "";
      s.setAttribute(
        "aria-label",
        name ? `「${name}」の下位ページを開閉` : "下位ページを開閉",
      );
    }
    // 左のサイドバー(サイト名と目次)は、どのランドマークにも入っていない
    // (region)。補足の領域として名前を付ける
    const sidebar = document.querySelector(".bd-sidebar-primary");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "complementary");
      sidebar.setAttribute("aria-label", "サイトの目次");
    }
    // sphinx-design のドロップダウンの summary は、見出しの文字があるのに
    // 英語の aria-label(Toggle hidden content)が名前を上書きしている。
    // aria-label を外して、見えている見出しを名前にする
    for (const s of document.querySelectorAll("summary[aria-label]")) {
      if (s.innerText.trim()) s.removeAttribute("aria-label");
    }
    // 検索ボタンの名前(aria-label)に、画面に見えている文字を含める
    // (label-content-name-mismatch)。見えている文字がなければ「検索」のまま
    for (const b of document.querySelectorAll(".search-button__button")) {
      const seen = b.innerText.replace(/\s+/g, " ").trim();
      if (!seen) continue;
      b.setAttribute("aria-label", seen.includes("検索") ? seen : `検索 ${seen}`);
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
