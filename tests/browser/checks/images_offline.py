"""画像がすべて読み込まれ、localhost 以外へ要求せず、JavaScript の
エラーがない。"""

from browser.checks import log, path_of

MODES = {"desktop-light", "desktop-dark", "phone-light"}

BROKEN_IMAGES = """async () => {
  const imgs = [...document.images];
  imgs.forEach(i => { i.loading = 'eager'; });
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(
    r => { i.onload = i.onerror = r; })));
  return imgs.filter(i => !i.complete || i.naturalWidth === 0)
    .map(i => i.getAttribute('src'));
}"""


def check(page, url, mode):
    rel = path_of(url)
    problems = []
    if mode == "desktop-light":
        for src in page.evaluate(BROKEN_IMAGES):
            problems.append(f"{rel}: 読み込めない画像 {src}")
    for ext in sorted(set(log(page).external)):
        problems.append(f"{rel} ({mode}): 外部への要求 {ext}")
    for err in log(page).errors:
        problems.append(f"{rel} ({mode}): JavaScript のエラー {err}")
    return problems
