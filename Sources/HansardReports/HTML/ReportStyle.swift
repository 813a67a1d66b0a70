import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The style sheet and script inlined into every page of the HTML report.
enum ReportStyle {
    static let css = """
        :root{--ink:#1d2430;--muted:#5d6776;--line:#dfe3e8;--paper:#fff;--wash:#f5f6f8;--accent:#0b5f73;
        --commons:#006548;--lords:#a3162f;--late:#b42318;--late-bg:#fdecea;--due:#8a5a00;--due-bg:#fff4d6;
        --done:#146c2e;--done-bg:#e5f4e8;--mark-c:#ffe8a3;--mark-r:#d7e7ff;--mark-e:#ffd9dc;--mark-f:#d5f2dc}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
        color:var(--ink);background:var(--wash)}
        a{color:var(--accent);text-underline-offset:2px}
        a:hover{text-decoration-thickness:2px}
        .wrap{max-width:62rem;margin:0 auto;padding:1.25rem 1rem 3rem}
        header.top{background:var(--paper);border-bottom:1px solid var(--line)}
        header.top .wrap{padding-bottom:1.25rem}
        .crumbs{font-size:.875rem;color:var(--muted);margin:0 0 .5rem}
        h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0 .5rem;letter-spacing:-.01em}
        h2{font-size:1.3rem;margin:2.25rem 0 .75rem;padding-bottom:.35rem;border-bottom:2px solid var(--ink)}
        h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
        h4{font-size:.95rem;margin:1rem 0 .4rem;color:var(--muted);font-weight:600}
        .lede{color:var(--muted);margin:0}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1.25rem 0 0;
        padding:0;list-style:none}
        .stats li{background:var(--wash);border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}
        .stats b{display:block;font-size:1.6rem;line-height:1.1;font-variant-numeric:tabular-nums}
        .stats span{font-size:.85rem;color:var(--muted)}
        .stats .late b{color:var(--late)}
        .filters{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:end;margin:1.25rem 0 0;padding:.75rem 1rem;
        background:var(--paper);border:1px solid var(--line);border-radius:.5rem}
        .filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);gap:.2rem}
        .filters select{font:inherit;font-size:.95rem;padding:.3rem .4rem;border:1px solid #b8c0ca;border-radius:.35rem;
        background:var(--paper);color:var(--ink);min-width:10rem}
        .filters output{font-size:.9rem;color:var(--muted);margin-left:auto}
        .filters label.search{flex:1 1 100%}
        .filters input{font:inherit;font-size:1rem;padding:.4rem .55rem;border:1px solid #b8c0ca;border-radius:.35rem;
        width:100%;color:var(--ink);background:var(--paper)}
        .promise{margin:.15rem 0 .2rem;font-weight:600}
        .promise a{color:var(--ink);text-decoration:none}
        .promise a:hover{text-decoration:underline}
        figure{margin:1.25rem 0 0;background:var(--paper);border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem}
        figcaption{font-size:.85rem;color:var(--muted);margin-bottom:.5rem}
        .chart{overflow-x:auto}
        .chart svg{display:block;max-width:none;height:auto}
        .key{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin:0 .3em 0 .8em;vertical-align:baseline}
        section.group{background:var(--paper);border:1px solid var(--line);border-radius:.5rem;margin:0 0 1rem;
        padding:.25rem 1rem .75rem}
        section.group>h3{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
        .counts{font-size:.85rem;font-weight:400;color:var(--muted)}
        ol.items{list-style:none;margin:0;padding:0}
        ol.items>li{border-top:1px solid var(--line);padding:.7rem 0}
        ol.items>li:first-child{border-top:0}
        .quote{margin:.15rem 0 .3rem;font-size:.95rem;color:var(--muted)}
        .quote a{color:var(--ink);text-decoration:none}
        .quote a:hover{text-decoration:underline}
        .facts{font-size:.85rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.2rem .9rem}
        .badge{display:inline-block;font-size:.75rem;font-weight:600;line-height:1.5;padding:0 .45rem;border-radius:999px;
        background:var(--wash);color:var(--muted);border:1px solid var(--line);white-space:nowrap;vertical-align:.1em}
        .badge.late{background:var(--late-bg);color:var(--late);border-color:#f3b8b2}
        .badge.due{background:var(--due-bg);color:var(--due);border-color:#efd28a}
        .badge.done{background:var(--done-bg);color:var(--done);border-color:#a8d8b4}
        .badge.commons{color:var(--commons);border-color:#9fcdb9;background:#eaf5f0}
        .badge.lords{color:var(--lords);border-color:#e4a7b2;background:#fbecef}
        table{width:100%;border-collapse:collapse;background:var(--paper);font-size:.92rem}
        th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
        th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .table{overflow-x:auto;border:1px solid var(--line);border-radius:.5rem}
        dl.facts-list{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
        dl.facts-list dt{color:var(--muted);font-size:.9rem}
        dl.facts-list dd{margin:0}
        .card{background:var(--paper);border:1px solid var(--line);border-radius:.5rem;padding:.9rem 1rem;margin:0 0 1rem}
        blockquote{margin:0;padding:.2rem 0 .2rem 1rem;border-left:4px solid #e0b43a;font-size:1.1rem}
        blockquote.request{border-left-color:#6d9eea}
        blockquote.follow-up{border-left-color:#4fb06b}
        .legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;font-size:.85rem;margin:1rem 0 0;padding:0;list-style:none}
        mark{color:inherit;padding:.05em .1em;border-radius:.15em}
        mark.commitment,.legend .commitment{background:var(--mark-c)}
        mark.request,.legend .request{background:var(--mark-r)}
        mark.evasion,.legend .evasion{background:var(--mark-e)}
        mark.follow-up,.legend .follow-up{background:var(--mark-f)}
        .legend span{padding:.05em .4em;border-radius:.2em}
        .turn{background:var(--paper);border:1px solid var(--line);border-radius:.5rem;padding:.6rem 1rem;margin:0 0 .6rem;
        scroll-margin-top:1rem}
        .turn:target{outline:3px solid var(--accent);outline-offset:1px}
        .turn.government{border-left:4px solid var(--accent)}
        .turn.procedural{background:transparent;border-style:dashed;color:var(--muted);font-style:italic}
        .turn>header{display:flex;flex-wrap:wrap;gap:.1rem .6rem;align-items:baseline;font-size:.9rem}
        .turn>header .who{font-weight:600;font-size:1rem}
        .turn>header .office,.turn>header .where{color:var(--muted)}
        .turn>header a.n{color:var(--muted);font-variant-numeric:tabular-nums;text-decoration:none;min-width:2.2em}
        .turn p{margin:.45rem 0}
        ul.notes{list-style:none;margin:.4rem 0 0;padding:.4rem 0 0;border-top:1px dotted var(--line);font-size:.85rem;
        display:flex;flex-direction:column;gap:.25rem}
        ul.notes .kind{font-weight:600;padding:0 .35em;border-radius:.2em;margin-right:.35em}
        ol.marked{list-style:none;margin:.5rem 0 0;padding:0;font-size:.9rem}
        ol.marked li{padding:.2rem 0;border-top:1px dotted var(--line)}
        ol.marked .kind{font-size:.8rem;font-weight:600;padding:0 .35em;border-radius:.2em;margin:0 .3em}
        ol.marked .commitment,ul.notes .commitment{background:var(--mark-c)}
        ol.marked .request,ul.notes .request{background:var(--mark-r)}
        ol.marked .evasion,ul.notes .evasion{background:var(--mark-e)}
        ol.marked .follow-up,ul.notes .follow-up{background:var(--mark-f)}
        summary{cursor:pointer}
        .section-heading{margin:1.75rem 0 .6rem;font-size:1.05rem}
        .notice{background:var(--due-bg);border:1px solid #efd28a;border-radius:.5rem;padding:.6rem 1rem;margin:1rem 0}
        ol.history{margin:0;padding-left:1.2rem}
        ol.history li{margin:.3rem 0}
        .muted{color:var(--muted)}
        .nowrap{white-space:nowrap}
        th.fit,td.fit{width:1%;white-space:nowrap}
        footer{margin-top:2.5rem;font-size:.82rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.75rem}
        [hidden]{display:none!important}
        @media (max-width:40rem){body{font-size:15px}.wrap{padding:1rem .8rem 2.5rem}h1{font-size:1.4rem}
        .stats{grid-template-columns:repeat(2,1fr)}.stats b{font-size:1.35rem}.filters select{min-width:0;width:100%}
        .filters label{flex:1 1 8rem}.filters output{margin-left:0;width:100%}
        dl.facts-list{grid-template-columns:1fr}dl.facts-list dd{margin-bottom:.4rem}
        .hide-narrow{display:none}}
        @media print{body{background:#fff;font-size:11pt}.wrap{max-width:none;padding:0}header.top{border:0}
        .filters,.no-print{display:none!important}section.group,.card,.turn,figure,.stats li{border-color:#bbb;
        break-inside:avoid}a{color:inherit;text-decoration:none}mark{outline:1px solid #999}
        .turn:target{outline:0}h2{break-after:avoid}}

        """

    /// Filters the index without a server: words typed in the search box (every word must appear in the commitment's
    /// text, promise, minister, department or debate), House, session, department, minister and status.
    ///
    /// It hides items, then empty groups, and recounts (the figures at the top too).
    /// `index.html?q=whatsapp&house=lords&department=Cabinet%20Office` opens with those filters set, so a filtered view
    /// can be shared as a link. Without script every commitment shows and the filter form stays hidden.
    static let filterScript = """
        (function () {
          var form = document.getElementById("filters");
          if (!form) { return; }
          var text = document.getElementById("filter-text");
          var selects = {
            house: document.getElementById("filter-house"),
            session: document.getElementById("filter-session"),
            department: document.getElementById("filter-department"),
            minister: document.getElementById("filter-minister"),
            status: document.getElementById("filter-status")
          };
          var shown = document.getElementById("filter-shown");
          form.hidden = false;
          var params = new URLSearchParams(window.location.search);
          Object.keys(selects).forEach(function (name) {
            var wanted = params.get(name);
            if (wanted !== null && Array.prototype.some.call(selects[name].options, function (o) { return o.value === wanted; })) {
              selects[name].value = wanted;
            }
          });
          if (params.get("q") !== null) { text.value = params.get("q"); }
          function words() {
            return text.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
          }
          function apply() {
            var h = selects.house.value, s = selects.session.value, d = selects.department.value;
            var m = selects.minister.value, st = selects.status.value, wanted = words();
            var visible = 0, total = 0;
            document.querySelectorAll("[data-house]").forEach(function (item) {
              var ok = (h === "" || item.getAttribute("data-house") === h) &&
                (s === "" || item.getAttribute("data-session") === s);
              // Department, minister, status and words narrow commitments; debates follow House and session only.
              if (ok && item.hasAttribute("data-status")) {
                var status = item.getAttribute("data-status");
                ok = (d === "" || item.getAttribute("data-department") === d) &&
                  (m === "" || item.getAttribute("data-minister") === m) &&
                  (st === "" || (st === "overdue" ? item.getAttribute("data-overdue") === "yes" : status === st));
                if (ok && wanted.length > 0) {
                  var haystack = (item.textContent + " " + item.getAttribute("data-search")).toLowerCase();
                  ok = wanted.every(function (w) { return haystack.indexOf(w) !== -1; });
                }
              }
              item.hidden = !ok;
              if (item.classList.contains("commitment")) { total += 1; if (ok) { visible += 1; } }
            });
            document.querySelectorAll("[data-group]").forEach(function (group) {
              var items = group.querySelectorAll(".commitment:not([hidden])");
              var late = group.querySelectorAll(".commitment.overdue:not([hidden])");
              group.hidden = items.length === 0;
              var count = group.querySelector("[data-count]");
              if (count) { count.textContent = items.length + " outstanding, " + late.length + " overdue"; }
            });
            shown.textContent = "Showing " + visible + " of " + total + " outstanding commitments";
            document.querySelectorAll("[data-stat]").forEach(function (stat) {
              var selector = stat.getAttribute("data-stat") + ":not([hidden])";
              stat.textContent = String(document.querySelectorAll(selector).length);
            });
          }
          Object.keys(selects).forEach(function (name) { selects[name].addEventListener("change", apply); });
          text.addEventListener("input", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          apply();
        })();

        """
}
