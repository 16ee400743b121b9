// Enter on a shop-floor field (typed, or the Enter a barcode scanner sends after a scan): commit what is
// in the field, then move on to the next field or press the field's action. The value travels once, on
// change, never keystroke by keystroke, so nothing typed at scanner speed is lost or reordered.
document.addEventListener('keydown', event => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || !(field.dataset.enterNext || field.dataset.enterClick)) return;
    event.preventDefault();
    field.dispatchEvent(new Event('change', { bubbles: true }));
    const next = field.dataset.enterNext && document.querySelector(field.dataset.enterNext);
    if (next) {
        next.focus();
        if (typeof next.select === 'function') next.select();
        return;
    }
    const action = field.dataset.enterClick && document.querySelector(field.dataset.enterClick);
    if (action && !action.disabled) action.click();
}, true);

// Focus goes to the next thing to do: the first empty field of the step on screen, or the action a scan made possible.
window.mesShopFloor = {
    focus(selector) {
        const target = document.querySelector(selector);
        if (!target || target.disabled) return;
        target.focus();
        if (typeof target.select === 'function') target.select();
    },
    focusFirstEmpty(scope) {
        const root = document.querySelector(scope);
        if (!root || root.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement) return;
        const field = [...root.querySelectorAll('input:not([disabled]):not([type=hidden])')].find(i => i.value === '');
        if (field) field.focus();
    },
};

// The skip link moves focus into the page's work area, not only the scroll position.
document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a.mes-skip-link');
    if (!link) return;
    event.preventDefault();
    const main = document.getElementById('mes-main');
    if (main) {
        const first = main.querySelector('input:not([disabled]):not([type=hidden]), button:not([disabled]), a[href]');
        (first || main).focus();
    }
}, true);

// Print buttons (the batch record, the logbook): a handler here, since the page's content policy allows no inline script.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
