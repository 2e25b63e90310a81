// sphinx-copybutton には日本語の文言がないので補う(copybutton.js の後に読む)。
if (typeof messages !== "undefined" && typeof locale !== "undefined") {
  messages.ja = {
    copy: "コピー",
    copy_to_clipboard: "クリップボードにコピー",
    copy_success: "コピーしました",
    copy_failure: "コピーできませんでした",
  };
  if (document.documentElement.lang === "ja") locale = "ja";
}
