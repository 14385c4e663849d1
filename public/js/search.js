// Search with Pagefind, as progressive enhancement: the page lists every page without it. The
// index of the page's language is loaded on the first search; results are built as DOM nodes.
const form = document.querySelector("[data-search]");

if (form) {
  const input = form.querySelector("input");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const base = document.documentElement.dataset.base || "/";
  let pagefind = null;

  const load = async () => {
    if (pagefind === null) {
      pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
      await pagefind.options({ baseUrl: base });
    }
    return pagefind;
  };

  // Pagefind's excerpt is escaped text with <mark> around the matches: keep only those two.
  const excerpt = (html) => {
    const p = document.createElement("p");
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const node of doc.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent);
      }
    }
    return p;
  };

  const run = async (query) => {
    list.replaceChildren();
    if (query.trim() === "") {
      status.textContent = "";
      return;
    }
    const pf = await load();
    const search = await pf.debouncedSearch(query, {}, 200);
    if (search === null) return;
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    status.textContent = results.length === 0 ? form.dataset.none : form.dataset.count.replace("{n}", String(search.results.length));
    for (const data of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = data.url;
      a.textContent = data.meta.title || data.url;
      li.append(a, excerpt(data.excerpt));
      list.append(li);
    }
  };

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));
  const initial = new URL(location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}
