// Where on an equipment's row of the planning board a dragged operation was dropped: the share of the row's width
// from its left edge (0 = the board's first hour), for the page to turn into a time.
window.mesGanttShare = (clientX, equipment) => {
    const track = document.querySelector(`[data-gantt-row="${CSS.escape(equipment)}"] .mes-gantt-track`);
    if (!track) return -1;
    const box = track.getBoundingClientRect();
    return box.width > 0 ? (clientX - box.left) / box.width : -1;
};
