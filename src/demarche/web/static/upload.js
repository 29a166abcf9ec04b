// Upload: pasted text and picked files go one by one to POST /api/v1/documents.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  if (!form) return;
  var tokenInput = document.getElementById("token");
  var rows = document.getElementById("progress-rows");
  var bar = document.getElementById("progress-bar");
  var count = document.getElementById("progress-count");
  var section = document.getElementById("progress");
  var send = document.getElementById("send");
  try { tokenInput.value = sessionStorage.getItem("demarche-token") || ""; } catch (e) { /* private mode */ }

  function cell(tr, text) {
    var td = document.createElement("td");
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function row(name) {
    var tr = document.createElement("tr");
    cell(tr, name);
    var status = cell(tr, "queued");
    var result = cell(tr, "");
    tr.className = "queued";
    rows.appendChild(tr);
    return { tr: tr, status: status, result: result };
  }

  function documentId(body) {
    if (!body || typeof body !== "object") return null;
    var id = body.id != null ? body.id : body.document_id;
    if (id == null && body.document) id = body.document.id;
    if (id == null && body.data) id = body.data.id;
    return id == null ? null : id;
  }

  function message(body, response) {
    if (body && body.error && body.error.message) return body.error.message;
    if (body && body.detail) return typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    return response.status + " " + response.statusText;
  }

  function post(item, token) {
    var headers = { "Authorization": "Bearer " + token, "Accept": "application/json" };
    var body;
    if (item.file) {
      body = new FormData();
      body.append("file", item.file, item.file.name);
    } else {
      headers["Content-Type"] = "application/json";
      var payload = { text: item.text };
      if (item.title) payload.title = item.title;
      body = JSON.stringify(payload);
    }
    return fetch("/api/v1/documents", { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (json) {
          return { response: response, body: json };
        });
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = tokenInput.value.trim();
    var text = document.getElementById("text").value;
    var title = document.getElementById("title").value.trim();
    var files = Array.prototype.slice.call(document.getElementById("files").files || []);
    var items = [];
    if (text.trim()) items.push({ name: title || "pasted text", text: text, title: title });
    files.forEach(function (file) { items.push({ name: file.name, file: file }); });
    if (!items.length) { alert("Paste a statement or pick at least one file."); return; }
    try { sessionStorage.setItem("demarche-token", token); } catch (e) { /* ignore */ }
    section.hidden = false;
    rows.textContent = "";
    bar.max = items.length;
    bar.value = 0;
    var done = 0, failed = 0;
    var tracked = items.map(function (item) { return row(item.name); });
    send.disabled = true;
    count.textContent = "0 / " + items.length;

    items.reduce(function (chain, item, i) {
      return chain.then(function () {
        var r = tracked[i];
        r.tr.className = "running";
        r.status.textContent = "analysing…";
        return post(item, token).then(function (outcome) {
          var id = documentId(outcome.body);
          if (outcome.response.ok) {
            r.tr.className = "done";
            var isNew = outcome.body && (outcome.body.new === false || outcome.body.created === false) ? "already stored" : "stored";
            r.status.textContent = isNew;
            if (id != null) {
              var link = document.createElement("a");
              link.href = "/documents/" + encodeURIComponent(id);
              link.textContent = "open document " + id;
              r.result.appendChild(link);
            }
          } else {
            failed += 1;
            r.tr.className = "failed";
            r.status.textContent = "failed";
            r.result.textContent = message(outcome.body, outcome.response);
          }
        }, function (error) {
          failed += 1;
          r.tr.className = "failed";
          r.status.textContent = "failed";
          r.result.textContent = String(error);
        }).then(function () {
          done += 1;
          bar.value = done;
          count.textContent = done + " / " + items.length + (failed ? " (" + failed + " failed)" : "");
        });
      });
    }, Promise.resolve()).then(function () {
      send.disabled = false;
      section.dataset.finished = "1";
    });
  });
})();
