// "Udskriv nu" on the print page: shown only where JavaScript runs; without it the page says how
// to print from the browser's menu. A file of our own, so the Content-Security-Policy allows it.
document.querySelectorAll("[data-print-button]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
