/// The style sheet and script every report carries inside it.
enum ReportAssets {
  /// The page's only script. It holds no data: it opens and closes the rows that show a
  /// quote's renderings, and opens the one a link points at.
  static let script = """
    (function () {
      "use strict";
      var root = document.documentElement;
      root.classList.add("js");
      var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-detail]"));
      function detailOf(row) { return document.getElementById(row.getAttribute("data-detail")); }
      function setOpen(row, open) {
        var detail = detailOf(row);
        if (!detail) { return; }
        detail.hidden = !open;
        row.classList.toggle("open", open);
        var button = row.querySelector("button.toggle");
        if (button) { button.setAttribute("aria-expanded", open ? "true" : "false"); }
      }
      rows.forEach(function (row) { setOpen(row, false); });
      document.addEventListener("click", function (event) {
        var target = event.target;
        if (target.closest("a")) { return; }
        var all = target.closest("button[data-all]");
        if (all) {
          var open = all.getAttribute("data-all") === "open";
          rows.forEach(function (row) { setOpen(row, open); });
          return;
        }
        var row = target.closest("tr[data-detail]");
        if (row) { setOpen(row, !row.classList.contains("open")); }
      });
      function openFromHash() {
        var id = decodeURIComponent(window.location.hash.slice(1));
        var row = id ? document.getElementById(id) : null;
        if (row && row.hasAttribute("data-detail")) { setOpen(row, true); }
      }
      window.addEventListener("hashchange", openFromHash);
      openFromHash();
    })();
    """

  /// The SHA-256 digest of `script`, in base64: the page's security policy lets only the
  /// script with this digest run, so no script that document text could smuggle in would.
  /// A test recomputes it; change it with the script.
  static let scriptDigest = "sha256-WYX6F7481Svpcq0wzDKAkY4MPvKmw7IdARZoCyXx2uY="

  /// The page's security policy: nothing is fetched from anywhere, styles are inline, and
  /// only the page's own script runs.
  static var securityPolicy: String {
    "default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptDigest)'; base-uri 'none'; form-action 'none'"
  }

  static let style = """
    :root {
      --ink: #1c2230; --muted: #5d6678; --faint: #8c94a3; --rule: #dde1e8; --paper: #ffffff;
      --wash: #f5f6f9; --accent: #2b5c8a; --accent-wash: #e8f0f8;
      --good: #24703a; --good-wash: #e2f2e6; --near: #4d7f2b; --near-wash: #eef6e3;
      --trim: #2b5c8a; --trim-wash: #e3edf8; --change: #8f5a00; --change-wash: #fcefd4;
      --bad: #b3261e; --bad-wash: #fbe4e2;
      --h0: #f3f5f8; --h1: #d4e4f2; --h2: #9dc1e1; --h3: #4c88bd; --h4: #1d4b78;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--ink); background: var(--wash);
      font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
    }
    a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
    header.page { background: var(--ink); color: #fff; padding: 28px 0 0; }
    .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
    header.page h1 { margin: 0; font-size: 28px; font-weight: 650; letter-spacing: -0.01em; }
    header.page .lede { margin: 6px 0 18px; color: #c9cfdb; font-size: 15px; }
    header.page .lede strong { color: #fff; font-weight: 600; }
    nav.sections { display: flex; gap: 4px; flex-wrap: wrap; }
    nav.sections a {
      color: #dfe4ee; text-decoration: none; padding: 8px 14px; border-radius: 6px 6px 0 0; font-size: 14px;
    }
    nav.sections a:hover { background: rgba(255,255,255,0.1); color: #fff; }
    main.wrap { padding-top: 24px; padding-bottom: 48px; }
    section.card {
      background: var(--paper); border: 1px solid var(--rule); border-radius: 10px; padding: 20px 24px 24px;
      margin: 0 0 24px; box-shadow: 0 1px 2px rgba(20,30,50,0.04);
    }
    .grid { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 12px 36px; align-items: start; }
    @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
    @media (max-width: 600px) {
      .wrap { padding: 0 10px; }
      section.card { padding: 14px 12px 16px; border-radius: 6px; }
      header.page h1 { font-size: 22px; }
    }
    h2 { font-size: 20px; margin: 0 0 4px; letter-spacing: -0.005em; }
    h2 + .note, .note { color: var(--muted); margin: 0 0 14px; font-size: 14px; }
    h3 { font-size: 16px; margin: 22px 0 6px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--rule); }
    thead th {
      font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em;
      border-bottom: 2px solid var(--rule); white-space: nowrap;
    }
    td.date { white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
    .dim, .muted { color: var(--faint); }
    .warning { color: var(--bad); }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; color: var(--muted); font-size: 13px; margin: 12px 0 0; }
    .legend .key { display: inline-flex; align-items: center; gap: 6px; }
    .swatch { display: inline-block; width: 22px; height: 14px; border-radius: 3px; border: 1px solid rgba(0,0,0,0.08); }

    /* Heat map */
    table.heatmap { width: auto; border-collapse: separate; border-spacing: 3px; }
    table.heatmap th, table.heatmap td { border: 0; padding: 0; }
    table.heatmap thead th { text-align: center; padding-bottom: 2px; }
    table.heatmap th.row { padding-right: 8px; white-space: nowrap; max-width: 200px; overflow: hidden; text-overflow: ellipsis; font-weight: 500; }
    table.heatmap td {
      width: 52px; height: 40px; text-align: center; vertical-align: middle; border-radius: 4px;
      font-size: 13px; font-variant-numeric: tabular-nums; color: var(--ink);
    }
    .h0 { background: var(--h0); color: var(--faint) !important; }
    .h1 { background: var(--h1); }
    .h2 { background: var(--h2); }
    .h3 { background: var(--h3); color: #fff !important; }
    .h4 { background: var(--h4); color: #fff !important; }
    table.heatmap td.self { background: repeating-linear-gradient(45deg, #eceff3, #eceff3 4px, #f7f8fa 4px, #f7f8fa 8px); }
    .grid h3 { margin-top: 0; }
    ol.pairs { margin: 0; padding-left: 20px; font-size: 14px; }
    ol.pairs li { margin: 0 0 6px; }

    /* Quote matrix */
    table.matrix td, table.matrix th { padding: 7px 8px; vertical-align: middle; }
    table.matrix th.src { text-align: center; width: 34px; }
    table.matrix tr.group-row { cursor: pointer; }
    table.matrix tr.group-row:hover td { background: #f8fafc; }
    table.matrix tr.group-row.open td { background: var(--accent-wash); border-bottom-color: transparent; }
    td.cell { text-align: center; font-weight: 700; width: 34px; padding: 4px !important; vertical-align: middle; }
    td.cell a, td.cell span { display: inline-block; width: 26px; height: 24px; line-height: 24px; border-radius: 5px; text-decoration: none; }
    .verbatim { color: var(--good); background: var(--good-wash); }
    .punctuation { color: var(--near); background: var(--near-wash); }
    .trimmed { color: var(--trim); background: var(--trim-wash); }
    .reworded { color: var(--change); background: var(--change-wash); }
    .misattributed { color: var(--bad); background: var(--bad-wash); }
    .absent { color: #c5cad3; }
    table.matrix tr.subhead th, table.claims tr.subhead th {
      padding: 18px 8px 6px; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase;
      letter-spacing: 0.04em; border-bottom: 2px solid var(--rule);
    }
    td.quote-text { max-width: 560px; }
    td.quote-text .text { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    tr.open td.quote-text .text, html:not(.js) td.quote-text .text { display: inline; overflow: visible; }
    td.speaker { white-space: nowrap; font-weight: 500; }
    button.toggle {
      font: inherit; font-size: 13px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
      border: 1px solid var(--rule); background: var(--paper); color: var(--accent); border-radius: 5px; padding: 1px 7px; cursor: pointer;
    }
    button.toggle { white-space: nowrap; }
    button.toggle::after { content: " ▸"; color: var(--faint); }
    tr.open button.toggle::after { content: " ▾"; }
    .actions { float: right; display: flex; gap: 6px; }
    .actions button {
      font: inherit; font-size: 13px; border: 1px solid var(--rule); background: var(--paper); color: var(--muted);
      border-radius: 5px; padding: 3px 10px; cursor: pointer;
    }
    html:not(.js) .actions, html:not(.js) button.toggle::after { display: none; }
    tr.detail > td { background: #fbfcfe; padding: 12px 16px 16px; border-bottom: 2px solid var(--rule); }
    table.collation { width: auto; margin: 0 0 10px; border-collapse: separate; border-spacing: 0; }
    table.collation th, table.collation td { border: 0; padding: 2px 6px; white-space: nowrap; font-size: 14px; }
    table.collation th { color: var(--muted); font-weight: 500; padding-right: 14px; font-size: 13px; }
    table.collation td.v, .swatch.v { background: var(--change-wash); color: #6b4300; font-weight: 600; }
    table.collation td.x, .swatch.x { background: var(--trim-wash); color: #244f78; }
    table.collation td.gap, .swatch.gap { background: repeating-linear-gradient(-45deg, #e4e7ed, #e4e7ed 2px, #fafbfc 2px, #fafbfc 6px); }
    table.collation tr:first-child td { border-top: 1px solid var(--rule); }
    ul.renderings { margin: 6px 0 0; padding-left: 18px; font-size: 14px; }
    ul.renderings li { margin: 3px 0; }

    /* Claims */
    .badge {
      display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
      text-transform: uppercase; letter-spacing: 0.03em; background: var(--wash); color: var(--muted); white-space: nowrap;
    }
    .badge.conflict { background: var(--bad-wash); color: var(--bad); }
    .badge.updated { background: var(--change-wash); color: var(--change); }
    .badge.consistent, .badge.rounded, .badge.converted { background: var(--good-wash); color: var(--good); }
    table.claims tr.conflict td:first-child { box-shadow: inset 3px 0 0 var(--bad); }
    ul.values { list-style: none; margin: 0; padding: 0; }
    ul.values li { margin: 0 0 2px; }
    ul.values .value { font-weight: 600; font-variant-numeric: tabular-nums; }
    td.why { color: var(--muted); font-size: 13px; max-width: 380px; }

    /* Side by side */
    table.sbs { table-layout: fixed; }
    table.sbs thead th { text-transform: none; letter-spacing: 0; font-size: 13px; white-space: normal; }
    table.sbs td { width: 50%; font-size: 14px; padding: 6px 12px; }
    table.sbs td + td { border-left: 1px solid var(--rule); }
    table.sbs tr.skip td { color: var(--faint); font-style: italic; text-align: center; background: var(--wash); font-size: 13px; }
    del { background: var(--bad-wash); color: #8a1c15; text-decoration-color: rgba(179,38,30,0.6); }
    ins { background: var(--good-wash); color: #1b5a2d; text-decoration: none; border-bottom: 1px solid rgba(36,112,58,0.5); }
    mark { background: #fff0b3; color: inherit; }

    /* Documents */
    article.document { border-top: 1px solid var(--rule); padding: 18px 0 4px; }
    article.document:first-of-type { border-top: 0; }
    article.document h3 { margin: 0 0 2px; font-size: 18px; }
    article.document .meta { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
    article.document .body { max-width: 72ch; font-size: 16px; line-height: 1.65; }
    article.document .body p { margin: 0 0 0.9em; }
    span.quote { background: #fff3c4; border-radius: 2px; box-shadow: 0 0 0 1px #f3e29a; }
    span.quote.term { background: #f4f1e8; box-shadow: none; }
    span.quote.misattributed { background: var(--bad-wash); box-shadow: 0 0 0 1px #f0b9b4; }
    span.quote:target { outline: 2px solid var(--accent); }
    a.claim { color: inherit; text-decoration: none; border-bottom: 2px solid #7fa7cf; background: var(--accent-wash); }
    a.claim.conflict { border-bottom-color: var(--bad); background: var(--bad-wash); }
    a.claim:target { outline: 2px solid var(--accent); }
    a.tag {
      font-size: 10.5px; font-weight: 600; vertical-align: super; line-height: 0; margin: 0 1px 0 2px;
      text-decoration: none; color: var(--accent);
    }
    footer.page { color: var(--faint); font-size: 13px; padding: 0 0 40px; }

    @media print {
      body { background: #fff; font-size: 11pt; }
      header.page { background: #fff; color: var(--ink); padding: 0; }
      header.page .lede { color: var(--muted); }
      header.page .lede strong { color: var(--ink); }
      nav.sections, .actions, button.toggle::after { display: none; }
      .wrap { max-width: none; padding: 0; }
      .grid { display: block; }
      section.card { border: 0; box-shadow: none; padding: 0; margin: 0 0 18pt; }
      button.toggle { border: 0; padding: 0; color: var(--ink); }
      tr.detail[hidden] { display: table-row; }
      td.quote-text .text { display: inline; overflow: visible; }
      tr, table.collation, article.document h3 { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      #documents article.document { break-before: page; }
      .scroll { overflow: visible; }
      a { color: inherit; text-decoration: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
