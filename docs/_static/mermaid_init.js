// 同梱の mermaid で図を描く。テーマ(ライト/ダーク)の切り替えにも追従する。
(() => {
  const selector = "pre.mermaid";
  const isDark = () => document.documentElement.dataset.theme === "dark";

  const render = async () => {
    const blocks = document.querySelectorAll(selector);
    blocks.forEach((el) => {
      if (el.dataset.source === undefined) el.dataset.source = el.textContent;
      el.removeAttribute("data-processed");
      el.textContent = el.dataset.source;
    });
    mermaid.initialize({
      startOnLoad: false,
      theme: isDark() ? "dark" : "default",
      securityLevel: "strict",
    });
    await mermaid.run({ querySelector: selector });
  };

  document.addEventListener("DOMContentLoaded", () => {
    render();
    new MutationObserver(render).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
  });
})();
