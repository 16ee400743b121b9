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
