// The year control of the large map, as progressive enhancement: without this script the year
// links lead to the small multiples further down the page; with it, a link recolours the large
// map for that year (fills, tooltips, title) and the small multiples stay as they are.
const control = document.querySelector("[data-map-control]");
const holder = document.querySelector("[data-map-explorer]");

if (control && holder) {
  const data = JSON.parse(holder.dataset.mapYears);
  const byYear = new Map(data.years.map((y) => [String(y.year), y]));
  const figure = holder.querySelector("figure");
  const svg = figure.querySelector("svg.map");
  const title = figure.querySelector(".chart-title");
  const svgTitle = svg.querySelector("title");
  const svgDesc = svg.querySelector("desc");
  const csv = figure.querySelector('a[href$=".csv"]');
  const image = figure.querySelector('a[href$=".svg"]');

  const show = (year) => {
    const y = byYear.get(year);
    if (!y) return;
    for (const use of svg.querySelectorAll("use[data-code]")) {
      const code = use.dataset.code;
      if (code in y.fills) use.setAttribute("fill", y.fills[code]);
      const tip = use.querySelector("title");
      if (tip && code in y.tips) tip.textContent = y.tips[code];
    }
    title.textContent = y.title;
    svgTitle.textContent = y.title;
    svgDesc.textContent = y.description;
    // The explorer's table holds every year; its files follow the year shown.
    if (csv) csv.href = csv.href.replace(/map-[^/]*\.csv$/, `map-${year}.csv`);
    if (image) image.href = image.href.replace(/map-[^/]*\.svg$/, `map-${year}.svg`);
    for (const a of control.querySelectorAll("a[data-year]")) {
      if (a.dataset.year === year) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
  };

  control.addEventListener("click", (event) => {
    const a = event.target.closest("a[data-year]");
    if (!a) return;
    event.preventDefault();
    show(a.dataset.year);
  });
}
