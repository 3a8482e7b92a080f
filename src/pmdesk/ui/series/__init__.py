"""Meeting series: plan the next meeting, the review of open items, the agenda timer,
minutes approval."""
