// Versionsväljaren och beskedet om en nyare version (se book/_ext/versioner.py).
// Filen versioner.json ligger i versionsträdets rot, bredvid mapparna v1.0.0/, latest/ ...
// Den läses med en relativ adress, alltså från samma server. Finns den inte, eller är
// sidan öppnad från filsystemet, blir väljaren kvar som en vanlig länk.
// Utanför ett versionsträd (versionens mapp heter inte vX.Y.Z eller latest) hämtas ingenting.
(function () {
  "use strict";

  function sidansAdress(version, sida) {
    var finns = version.sidor ? version.sidor.indexOf(sida) !== -1 : true;
    return version.mapp + "/" + (finns && sida ? sida : (version.start || "index.html"));
  }

  function nyareVersion(nav, data, sida, rot) {
    if (document.getElementById("handbok-versionsnotis")) return;
    var nyaste = data.versioner[0];
    var nu = data.versioner.filter(function (v) { return v.version === nav.dataset.version; })[0];
    if (!nu || !nyaste || nu.version === nyaste.version || nu.mapp === "latest") return;
    var artikel = document.querySelector("article.bd-article");
    if (!artikel) return;
    var senaste = { mapp: "latest", sidor: nyaste.sidor, start: nyaste.start };
    var notis = document.createElement("div");
    notis.id = "handbok-versionsnotis";
    notis.className = "admonition warning handbok-versionsnotis";
    notis.setAttribute("role", "note");
    var text = document.createElement("p");
    text.appendChild(document.createTextNode(
      "Du läser version " + nu.version + ". Det finns en nyare version, " + nyaste.version + ". "));
    var lank = document.createElement("a");
    lank.href = rot + "../" + sidansAdress(senaste, sida);
    var sammaSida = nyaste.sidor && nyaste.sidor.indexOf(sida) !== -1;
    lank.textContent = sammaSida ? "Läs samma sida i den nyaste versionen" : "Gå till den nyaste versionens startsida";
    text.appendChild(lank);
    text.appendChild(document.createTextNode("."));
    notis.appendChild(text);
    artikel.insertBefore(notis, artikel.firstChild);
  }

  function byggValjare(nav, data, sida, rot) {
    var etikett = document.createElement("label");
    etikett.setAttribute("for", "handbok-versionsval");
    etikett.textContent = "Välj version";
    var lista = document.createElement("select");
    lista.id = "handbok-versionsval";
    var iLatest = rot.indexOf("/latest/") !== -1 || location.pathname.indexOf("/latest/") !== -1;
    data.versioner.forEach(function (v, i) {
      var val = document.createElement("option");
      val.value = rot + "../" + sidansAdress(v, sida);
      val.textContent = v.version + (i === 0 ? " (nyaste)" : "") + (v.datum ? ", " + v.datum : "");
      if (v.version === nav.dataset.version && !iLatest) val.selected = true;
      if (i === 0 && iLatest) val.selected = true;
      lista.appendChild(val);
    });
    var knapp = document.createElement("button");
    knapp.type = "button";
    knapp.className = "btn handbok-versioner__byt";
    knapp.textContent = "Byt version";
    knapp.addEventListener("click", function () { window.location.href = lista.value; });
    var rad = document.createElement("div");
    rad.className = "handbok-versioner__val";
    rad.appendChild(lista);
    rad.appendChild(knapp);
    var nu = nav.querySelector(".handbok-versioner__nu");
    nav.insertBefore(etikett, nu);
    nav.insertBefore(rad, nu);
    nu.hidden = true;
  }

  function start() {
    var nav = document.querySelector("nav.handbok-versioner");
    if (!nav || location.protocol === "file:" || !window.fetch) return;
    var rot = nav.dataset.rot || "";
    if (rot === "#" || rot === ".") rot = "";
    if (rot && rot.charAt(rot.length - 1) !== "/") rot += "/";
    var sida = nav.dataset.sida || "";
    // Bara i ett versionsträd: versionens mapp heter vX.Y.Z eller latest.
    var mapp = new URL(rot || "./", location.href).pathname.replace(/\/$/, "").split("/").pop();
    if (!/^(v\d+\.\d+\.\d+|latest)$/.test(mapp)) return;
    fetch(rot + "../versioner.json", { credentials: "same-origin" })
      .then(function (svar) { if (!svar.ok) throw new Error(svar.status); return svar.json(); })
      .then(function (data) {
        if (!data || !data.versioner || !data.versioner.length) return;
        byggValjare(nav, data, sida, rot);
        nyareVersion(nav, data, sida, rot);
      })
      .catch(function () { /* Inget versionsträd: länken räcker. */ });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
