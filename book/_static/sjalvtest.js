/* Självtest i handboken Trygga platser.
 *
 * Varje fråga är ett formulär (se book/_ext/sjalvtest.py). När läsaren trycker på
 * Svara (eller Enter) skriver skriptet återkopplingen i frågans område med
 * aria-live, så att en skärmläsare läser upp den. Inget skickas någonstans.
 */
(function () {
  "use strict";

  function tal(text) {
    var rensad = String(text).replace(/[\s\u00a0]/g, "").replace(",", ".").replace("\u2212", "-");
    if (!/^-?\d+(\.\d+)?$/.test(rensad)) {
      return null;
    }
    return parseFloat(rensad);
  }

  function visa(form, klass, rubrik, text) {
    var ruta = form.querySelector(".sjalvtest-aterkoppling");
    var forklaring = form.querySelector(".sjalvtest-forklaring").textContent;
    ruta.className = "sjalvtest-aterkoppling " + klass;
    ruta.textContent = "";
    var stycke = document.createElement("p");
    var fet = document.createElement("strong");
    fet.textContent = rubrik;
    stycke.appendChild(fet);
    if (text) {
      stycke.appendChild(document.createTextNode(" " + text));
    }
    ruta.appendChild(stycke);
    if (klass !== "sjalvtest-saknas") {
      var forklaringen = document.createElement("p");
      forklaringen.textContent = forklaring;
      ruta.appendChild(forklaringen);
    }
  }

  function svara(form) {
    var ratt;
    if (form.dataset.typ === "tal") {
      var falt = form.querySelector("input");
      var varde = tal(falt.value);
      if (varde === null) {
        visa(form, "sjalvtest-saknas", "Skriv ett tal.", "Till exempel 12 eller 4,5.");
        falt.focus();
        return;
      }
      var mal = parseFloat(form.dataset.tal);
      var tolerans = parseFloat(form.dataset.tolerans);
      ratt = Math.abs(varde - mal) <= tolerans + 1e-9;
      if (ratt) {
        visa(form, "sjalvtest-ratt", "Rätt.", "");
      } else {
        visa(form, "sjalvtest-fel", "Inte rätt.", "Rätt svar: " + form.dataset.rattText + ".");
      }
    } else {
      var vald = form.querySelector("input[type=radio]:checked");
      if (!vald) {
        visa(form, "sjalvtest-saknas", "Välj ett svar först.", "");
        form.querySelector("input[type=radio]").focus();
        return;
      }
      ratt = vald.value === form.dataset.ratt;
      var rattEtikett = form.querySelector(
        "label[for='" + form.id + "-a" + form.dataset.ratt + "']").textContent;
      if (ratt) {
        visa(form, "sjalvtest-ratt", "Rätt.", "");
      } else {
        visa(form, "sjalvtest-fel", "Inte rätt.", "Rätt svar: " + rattEtikett + ".");
      }
    }
    form.dataset.besvarad = ratt ? "ratt" : "fel";
    summera(form.closest(".sjalvtest"));
  }

  function summera(test) {
    var fragor = test.querySelectorAll(".sjalvtest-fraga");
    var besvarade = test.querySelectorAll(".sjalvtest-fraga[data-besvarad]").length;
    var ratta = test.querySelectorAll(".sjalvtest-fraga[data-besvarad=ratt]").length;
    test.querySelector(".sjalvtest-summa").textContent =
      "Du har svarat på " + besvarade + " av " + fragor.length + " frågor, och " +
      ratta + " av svaren är rätt.";
  }

  function starta() {
    document.querySelectorAll(".sjalvtest-fraga").forEach(function (form) {
      form.addEventListener("submit", function (handelse) {
        handelse.preventDefault();
        svara(form);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", starta);
  } else {
    starta();
  }
})();
