// sphinx-copybutton には日本語の文言がないので補う(copybutton.js の後に読む)。
if (typeof messages !== "undefined" && typeof locale !== "undefined") {
  messages.ja = {
    copy: "コピー",
    copy_to_clipboard: "クリップボードにコピー",
    copy_success: "コピーしました",
    copy_failure: "コピーできませんでした",
  };
  if (document.documentElement.lang === "ja") locale = "ja";
  // ボタンの絵の説明(<title>)は copybutton.js を読んだ時点の言語で作られて
  // いるので、日本語で作り直す
  const retitle = (svg, text) =>
    svg.replace(/<title>[^<]*<\/title>/, `<title>${text}</title>`);
  if (typeof iconCopy !== "undefined" && locale === "ja") {
    iconCopy = retitle(iconCopy, messages.ja.copy_to_clipboard);
    iconCheck = retitle(iconCheck, messages.ja.copy_success);
  }
}
