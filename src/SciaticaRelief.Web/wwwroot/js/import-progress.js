// Polls an import's progress and moves the bar; reloads for the report when it is done.
// Without script the page refreshes itself every two seconds instead.
(() => {
  const bar = document.getElementById("import-progress");
  if (!bar) return;
  const meta = document.querySelector('meta[http-equiv="refresh"]');
  if (meta) meta.remove();
  const id = bar.dataset.importId;
  const tick = async () => {
    try {
      const response = await fetch(`/api/v1/imports/${id}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) {
        const job = await response.json();
        bar.value = job.progress;
        bar.textContent = `${Math.round(job.progress * 100)}%`;
        if (job.status !== "running") { location.reload(); return; }
      }
    } catch { /* try again on the next tick */ }
    setTimeout(tick, 500);
  };
  setTimeout(tick, 300);
})();
