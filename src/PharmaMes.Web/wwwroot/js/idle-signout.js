// Shared shop-floor terminals: sign out after the configured time without input, warn a minute
// before, and keep the server session alive while the person is working (a Blazor screen talks
// over a websocket, which does not renew the sign-in cookie by itself).
(function () {
    const meta = document.querySelector('meta[name="mes-idle-timeout-seconds"]');
    if (!meta) return;
    const timeoutMs = Number(meta.content) * 1000;
    if (!timeoutMs) return;
    const warnMs = Math.min(60000, timeoutMs / 4);
    const keepAliveEveryMs = Math.min(60000, timeoutMs / 3);
    let lastActivity = Date.now();
    let lastKeepAlive = Date.now();

    function form() { return document.getElementById('mes-signout-form'); }

    function onActivity() {
        lastActivity = Date.now();
        const warning = document.getElementById('mes-idle-warning');
        if (warning) warning.hidden = true;
        if (form() && Date.now() - lastKeepAlive > keepAliveEveryMs) {
            lastKeepAlive = Date.now();
            fetch('/account/keepalive', { credentials: 'same-origin', cache: 'no-store' }).catch(() => { });
        }
    }

    ['pointerdown', 'keydown', 'touchstart', 'wheel'].forEach(type =>
        document.addEventListener(type, onActivity, { passive: true, capture: true }));

    setInterval(() => {
        const signOut = form();
        if (!signOut) return; // not signed in (sign-in page)
        const idleMs = Date.now() - lastActivity;
        const warning = document.getElementById('mes-idle-warning');
        if (idleMs >= timeoutMs) {
            signOut.querySelector('input[name="reason"]').value = 'idle';
            signOut.submit();
        } else if (warning && idleMs >= timeoutMs - warnMs) {
            warning.hidden = false;
            document.getElementById('mes-idle-seconds').textContent = Math.ceil((timeoutMs - idleMs) / 1000);
        }
    }, 1000);
})();
