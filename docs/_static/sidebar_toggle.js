// ☰(サイトの目次)とページの目次のボタンを働かせる。
//
// sphinx-book-theme 1.4 は本文の上にボタンを出すが、pydata-sphinx-theme 0.20 と
// sphinx-book-theme は、document.querySelector(".primary-toggle") で見つかる
// 最初のボタン(表示されないヘッダーの中のもの)にだけ処理を付ける。見えている
// ボタンを押したら、その最初のボタンを押したことにする(テーマの処理がそのまま
// 動く: 狭い画面では目次のダイアログを開き、広い画面ではサイドバーを畳む)。
// tests/browser/checks/navigation.py が確かめる。
(() => {
  const forward = () => {
    for (const cls of [".primary-toggle", ".secondary-toggle"]) {
      const handled = document.querySelector(cls);
      document.querySelectorAll(cls).forEach((button) => {
        if (button === handled) return;
        button.addEventListener("click", (event) => {
          event.preventDefault();
          event.stopPropagation();
          handled.click();
        });
      });
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", forward);
  } else {
    forward();
  }
})();
